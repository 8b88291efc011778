package club.icourse.reviewapp.review;

import java.time.Instant;

/**
 * A review as one reader may see it. {@code author} is null when the review is anonymous
 * to this reader, and so is {@code authorTeacherId} (the teacher page linked to the
 * author's account); {@code blockedReason} only reaches the author and admins (who are
 * the only ones who see a blocked review).
 */
public record ReviewView(long id, long courseId, String courseName, String author, boolean byTeacher, boolean anonymous,
		String term, Integer rating, Integer difficulty, Integer homework, Integer grading, Integer gain,
		String contentHtml, boolean studentsOnly, boolean hidden, boolean blocked, String blockedReason, int upvotes,
		int comments, Instant createdAt, Instant updatedAt, boolean own, boolean authorDeleted, Long authorTeacherId,
		String stage) {

	public Double stars() {
		return rating == null ? null : rating / 2.0;
	}

	public boolean edited() {
		return updatedAt.isAfter(createdAt);
	}
}
