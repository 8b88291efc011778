/**
 * What every feature of auth-server shares beyond the web-support module (which gives the
 * clock, language and schema mode): hashing. It must never depend on a feature.
 */
package club.icourse.auth.system;
