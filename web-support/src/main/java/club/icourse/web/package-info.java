/**
 * What both web apps set up the same way, auto-configured: every "now" from one UTC
 * clock, times shown in the school's zone, pages in the browser's language until
 * {@code ?lang=} picks one, the schema validated rather than migrated when a separate job
 * migrates, the client address behind trusted proxies, the 404 page for whatever a
 * feature could not find, static assets at content-hashed addresses, and the security
 * headers (CSP and friends) of every filter chain.
 * <p>
 * It must never know a feature of either app: apps use its types, never the reverse.
 */
package club.icourse.web;
