/**
 * auth-server: people register with a university email, confirm it, sign in, and sites
 * receive OpenID Connect tokens about them. One package per feature; {@code system} holds
 * what every feature shares.
 */
package club.icourse.auth;
