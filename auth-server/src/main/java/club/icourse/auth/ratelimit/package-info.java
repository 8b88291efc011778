/**
 * Rate limits kept in MariaDB for every instance, the client address behind trusted
 * proxies, and the 429 answer. It must never depend on a feature: features call it.
 */
package club.icourse.auth.ratelimit;
