package club.icourse.reviewapp.moderation;

/**
 * Published inside the transaction that files a report (not for a repeated report of the
 * same thing).
 */
public record ReportCreated(long reporterId, String reason) {
}
