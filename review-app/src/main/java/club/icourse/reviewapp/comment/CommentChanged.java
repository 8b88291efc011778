package club.icourse.reviewapp.comment;

import club.icourse.db.review.tables.records.ReviewCommentRecord;
import java.time.Instant;

/**
 * Published inside the transaction that writes or deletes a comment ({@code action} is
 * "create" or "delete").
 */
public record CommentChanged(ReviewCommentRecord comment, String action, long operatorId, Instant at) {
}
