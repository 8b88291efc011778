/**
 * Two-step sign-in with an authenticator app (TOTP, RFC 6238): the security page where a
 * person sets it up, gets recovery codes and removes it, the second step after the
 * password, and who must use a second factor ({@code icourse.security}).
 * <p>
 * It keeps secrets only encrypted and recovery codes only as keyed hashes, counts every
 * wrong code against the account as the sign-in does, and must never depend on OAuth,
 * clients or administration.
 */
package club.icourse.auth.totp;
