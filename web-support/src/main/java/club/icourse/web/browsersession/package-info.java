/**
 * Where browser sessions live: Spring Session's JDBC store (so every instance knows every
 * session), written only when a session changed.
 */
package club.icourse.web.browsersession;
