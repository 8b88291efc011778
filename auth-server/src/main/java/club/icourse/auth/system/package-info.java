/**
 * What every feature of auth-server shares: language, clock, schema, hashing. It must
 * never depend on a feature.
 */
package club.icourse.auth.system;
