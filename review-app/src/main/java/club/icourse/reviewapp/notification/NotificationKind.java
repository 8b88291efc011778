package club.icourse.reviewapp.notification;

/**
 * What a notification is about; its message key is
 * {@code notification.kind.<name in lower case>}.
 */
public enum NotificationKind {

	/** A new or updated review in a course one follows. */
	COURSE_REVIEW,
	/** A new or updated review by a person one follows (never for anonymous reviews). */
	PERSON_REVIEW,
	/** A comment by a person one follows (never on their own anonymous review). */
	PERSON_COMMENT, COMMENT, UPVOTE, MENTION, FOLLOW, REVIEW_BLOCKED, REVIEW_UNBLOCKED,
	/** The outcome of a report one made (detail: resolved, blocked or dismissed). */
	REPORT_HANDLED,
	/** One was muted (detail: the reason) or the mute was lifted. */
	MUTED, UNMUTED

}
