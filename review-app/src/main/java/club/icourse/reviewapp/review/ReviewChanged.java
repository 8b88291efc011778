package club.icourse.reviewapp.review;

import java.time.Instant;

/**
 * Published inside the transaction of every change to a review, after its history entry
 * is written, so that listeners (notifications, the search change-log) commit or roll
 * back with the change itself.
 *
 * @param review the review after the change (before it, for a delete)
 * @param contentChanged whether what the review says changed (false for privacy-only
 * edits and moderation)
 */
public record ReviewChanged(ReviewSnapshot review, ReviewHistory.Action action, long operatorId, Instant at,
		boolean contentChanged) {
}
