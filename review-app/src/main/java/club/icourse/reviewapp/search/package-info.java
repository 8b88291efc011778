/**
 * Search over the catalogue behind one interface. The substring implementation here is the stand-in until the
 * search index (CJK bigrams, pinyin, abbreviations) replaces it.
 */
package club.icourse.reviewapp.search;
