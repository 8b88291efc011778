/**
 * auth-server: people register with a university email, confirm it, sign in, and sites
 * receive OpenID Connect tokens about them. One package per feature; {@code system} holds
 * what every feature shares and {@code security} wires the filter chains. Which feature
 * may depend on which is listed in docs/architecture.md and checked by ArchitectureTest.
 */
package club.icourse.auth;
