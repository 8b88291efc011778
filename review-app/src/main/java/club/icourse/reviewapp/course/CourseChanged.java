package club.icourse.reviewapp.course;

/**
 * Published inside the transaction that adds or changes a course, its teachers or its
 * terms (a catalogue import, an edit), so that listeners such as the search change-log
 * commit with it.
 */
public record CourseChanged(long courseId) {
}
