/**
 * The landing page: what this identity provider is and where to go next. It must never
 * depend on a feature.
 */
package club.icourse.auth.home;
