package club.icourse.auth.system;

import club.icourse.testsupport.web.MessageBundleChecks;

/**
 * Every word on a page comes from the bundles, and Chinese and English have the same
 * words.
 */
class MessageBundlesTest extends MessageBundleChecks {

}
