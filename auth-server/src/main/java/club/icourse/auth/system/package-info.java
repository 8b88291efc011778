/**
 * What every feature of auth-server shares beyond the web-support module (which gives the
 * clock, language and schema mode): hashing, encryption of secrets at rest, the
 * vocabulary of second factors, and the mark of a synced passkey that sign-in leaves for
 * the ID token. It must never depend on a feature.
 */
package club.icourse.auth.system;
