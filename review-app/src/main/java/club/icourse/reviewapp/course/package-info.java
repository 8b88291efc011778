/**
 * Courses and teachers as people browse them: course pages, lists, and the per-course
 * figures behind the ranking.
 */
package club.icourse.reviewapp.course;
