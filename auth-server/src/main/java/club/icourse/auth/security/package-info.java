/**
 * The security filter chains of auth-server and the pieces they share, in one place: the
 * protocol endpoints, the admin API and the pages, the authentication manager, password
 * encoding and "remember me". It only wires what the features hand over as named classes
 * (the protocol endpoints' behaviour, the admin API's access rule, the sign-in handlers);
 * the logic stays in the features. No feature depends on this package.
 */
package club.icourse.auth.security;
