/**
 * SQL statements counted per HTTP request, for the benchmark and for the tests that keep
 * the token paths at a fixed number of statements. Off unless
 * {@code icourse.sql-count.enabled=true}.
 */
package club.icourse.auth.sqlcount;
