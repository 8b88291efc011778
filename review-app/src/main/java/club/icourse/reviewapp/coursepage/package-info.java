/**
 * The course page, put together from the features it shows (the course and its votes, its
 * reviews as cards, the reader's follow, the term summary) into one
 * {@link club.icourse.reviewapp.coursepage.CoursePage}. It only reads; every change a
 * course page offers posts to the feature that owns it. Nothing depends on this package.
 */
package club.icourse.reviewapp.coursepage;
