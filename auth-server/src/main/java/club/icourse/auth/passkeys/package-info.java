/**
 * Passkeys (WebAuthn) of an account: this server as the relying party (Spring Security's
 * WebAuthn support, its JDBC repositories over MariaDB, user verification required),
 * registering one on the account page, naming, listing and removing them, and dropping
 * them with the account.
 * <p>
 * It must never depend on sign-in, OAuth, clients or administration: signing in with a
 * passkey belongs to {@code signin}, which uses the relying party and repositories
 * declared here only through Spring Security's own interfaces.
 */
package club.icourse.auth.passkeys;
