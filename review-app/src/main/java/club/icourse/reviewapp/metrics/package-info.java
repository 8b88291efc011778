/**
 * Counters of what people do here (reviews, comments, reports), counted from the events
 * the features publish. It only listens: no feature depends on it, and it never writes to
 * the database.
 */
package club.icourse.reviewapp.metrics;
