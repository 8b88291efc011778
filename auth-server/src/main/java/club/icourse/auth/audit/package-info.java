/**
 * The audit log: every change an administrator makes, and every grant and revocation of
 * access to a person's identity, with who did it and when. It is written in the caller's
 * transaction and must never depend on a feature: features record into it.
 */
package club.icourse.auth.audit;
