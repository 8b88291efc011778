/**
 * The audit log: every change an administrator makes, and every grant and revocation of
 * access to a person's identity, with who did it and when.
 */
package club.icourse.auth.audit;
