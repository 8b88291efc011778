package club.icourse.reviewapp.review;

import club.icourse.db.review.tables.records.ReviewRecord;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A review as it stood at one moment: what events, the history page and the review form
 * carry instead of the database row. Ratings are out of ten (rating) or three (the
 * others), null for "text only".
 */
public record ReviewSnapshot(long id, long courseId, long authorId, String authorAffiliation, String term,
		Integer rating, Integer difficulty, Integer homework, Integer grading, Integer gain, String content,
		String contentHtml, boolean anonymous, boolean studentsOnly, boolean hidden, boolean blocked,
		String blockedReason, int upvoteCount, int commentCount, Instant createdAt, Instant updatedAt, String stage) {

	/**
	 * For the services that read the review row themselves (under a lock) and then ask
	 * {@link Visibility} about it.
	 */
	public static ReviewSnapshot of(ReviewRecord review) {
		return new ReviewSnapshot(review.getId(), review.getCourseId(), review.getAuthorId(),
				review.getAuthorAffiliation(), review.getTerm(), number(review.getRating()),
				number(review.getDifficulty()), number(review.getHomework()), number(review.getGrading()),
				number(review.getGain()), review.getContent(), review.getContentHtml(), review.getAnonymous(),
				review.getStudentsOnly(), review.getHidden(), review.getBlocked(), review.getBlockedReason(),
				review.getUpvoteCount(), review.getCommentCount(), review.getCreatedAt().toInstant(ZoneOffset.UTC),
				review.getUpdatedAt().toInstant(ZoneOffset.UTC), review.getStage());
	}

	private static Integer number(Byte value) {
		return value == null ? null : value.intValue();
	}

}
