/** Checks that templates take their words from the message bundles, in every language. */
package club.icourse.testsupport.i18n;
