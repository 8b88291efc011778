/** The landing page: what this identity provider is and where to go next. */
package club.icourse.auth.home;
