/**
 * The front page: the newest reviews as cards, the best-rated courses, the way into the
 * catalogue. It only reads; nothing depends on it.
 */
package club.icourse.reviewapp.home;
