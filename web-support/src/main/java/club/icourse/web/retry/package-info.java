/**
 * What a write does when the database fails under it, in both apps: a transaction the
 * database surely rolled back (a deadlock, which is how a Galera certification conflict
 * surfaces at commit, or a connection lost before the commit was sent) is run again a
 * bounded number of times ({@link club.icourse.web.retry.RetriedWhenRolledBack}); a write
 * that is the same however often it runs is retried on any such failure
 * ({@link club.icourse.web.retry.IdempotentWrites}); and whatever still fails is answered
 * 503 with Retry-After ({@link club.icourse.web.retry.ServiceUnavailableAnswer}), never
 * 500.
 */
package club.icourse.web.retry;
