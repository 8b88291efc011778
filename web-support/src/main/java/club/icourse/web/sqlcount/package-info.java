/**
 * SQL statements counted per HTTP request, for the benchmarks of both apps and for the
 * tests that keep the token paths at a fixed number of statements. Off unless
 * {@code icourse.sql-count.enabled=true}; never on in production.
 */
package club.icourse.web.sqlcount;
