package club.icourse.reviewapp.moderation;

import java.time.Instant;

/**
 * Published inside the transaction in which an administrator handles a report, so the
 * reporter hears the outcome.
 */
public record ReportHandled(long reportId, long reporterId, String outcome, Long reviewId, Long courseId, Instant at) {
}
