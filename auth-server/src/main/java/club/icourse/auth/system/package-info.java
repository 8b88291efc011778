/**
 * What every feature of auth-server shares beyond the web-support module (which gives the
 * clock, language and schema mode): hashing, and the mark of a synced passkey that
 * sign-in leaves for the ID token. It must never depend on a feature.
 */
package club.icourse.auth.system;
