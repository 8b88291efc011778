/**
 * Dynamic client registration (OpenID Connect Dynamic Client Registration 1.0, RFC 7591)
 * and its management protocol (RFC 7592): the endpoint, the initial access tokens that
 * open it (issued by an administrator or the developer portal for an owner account), the
 * registration access tokens that let a client read, change and delete its registration,
 * and the metadata it registered beyond the client registry's definition. It registers
 * clients only through the {@code clients} registry and the rules there, never through
 * the database; tokens are kept only as hashes.
 */
package club.icourse.auth.registration;
