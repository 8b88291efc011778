/**
 * Courses and teachers as people browse them: the catalogue, course lists, teacher pages,
 * votes on a course, and the per-course figures behind the ranking (which the review
 * feature keeps up to date). It must never use the review, comment or follow features:
 * the course page that shows them is in {@code coursepage}.
 */
package club.icourse.reviewapp.course;
