package club.icourse.reviewapp.review;

import club.icourse.db.review.tables.records.ReviewRecord;
import java.time.Instant;

/** Published inside the transaction that adds or withdraws an upvote. */
public record UpvoteChanged(ReviewRecord review, long voterId, boolean upvoted, Instant at) {
}
