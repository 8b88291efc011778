/**
 * Signing in to the pages: the sign-in form and its handlers, the password check with
 * growing waits after failures, signing in by a mailed link, and the sign-in history.
 * <p>
 * It reads accounts, never changes them except to upgrade a password hash, and must never
 * depend on OAuth, clients or administration. Its filter chain is wired in
 * {@code security}.
 */
package club.icourse.auth.signin;
