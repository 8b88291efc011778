/**
 * Search over courses, teachers and reviews behind one interface
 * ({@link club.icourse.reviewapp.search.CatalogueSearch}), answered by a Lucene index
 * embedded in each instance: built from the database at start-up, kept fresh from the
 * {@code search_change} log written in the transaction of every change. See
 * docs/search.md.
 */
package club.icourse.reviewapp.search;
