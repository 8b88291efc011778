package club.icourse.reviewapp.review;

import java.time.Instant;

/** Published inside the transaction that adds or withdraws an upvote. */
public record UpvoteChanged(ReviewSnapshot review, long voterId, boolean upvoted, Instant at) {
}
