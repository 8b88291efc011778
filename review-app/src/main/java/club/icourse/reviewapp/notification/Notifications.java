package club.icourse.reviewapp.notification;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.NOTIFICATION;
import static club.icourse.db.review.Tables.PERSON;

import club.icourse.reviewapp.course.Page;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications as stored: written by {@link NotificationRules} in their cause's
 * transaction, read by their recipient.
 */
@Repository
public class Notifications {

	public static final int PAGE_SIZE = 30;

	/**
	 * One notification as its recipient sees it; {@code actor} is null when it must not
	 * be named.
	 */
	public record NotificationView(long id, NotificationKind kind, String actor, Long courseId, String courseName,
			Long reviewId, Long commentId, String detail, Instant at, boolean read) {

		public String messageKey() {
			String key = "notification.kind." + kind.name().toLowerCase(java.util.Locale.ROOT);
			return kind == NotificationKind.COURSE_REVIEW || kind == NotificationKind.PERSON_REVIEW
					|| kind == NotificationKind.REPORT_HANDLED ? key + "." + detail : key;
		}

		/** Where the notification leads. */
		public String link() {
			if (reviewId != null) {
				return "/reviews/" + reviewId + (commentId != null ? "#comment-" + commentId : "");
			}
			return actor != null ? club.icourse.reviewapp.mention.Mentions.profilePath(actor) : "/notifications";
		}
	}

	/** What a new notification points at. */
	record Subject(Long courseId, Long reviewId, Long commentId, String detail) {

		static Subject review(long courseId, long reviewId) {
			return new Subject(courseId, reviewId, null, null);
		}
	}

	private final DSLContext dsl;

	Notifications(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Adds a notification. With a {@code onceKey}, a recipient gets it at most once
	 * (until {@link #withdraw}): a second one with the same key is dropped.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void add(long recipientId, NotificationKind kind, Long actorId, Subject subject, String onceKey, Instant at) {
		var insert = dsl.insertInto(NOTIFICATION)
			.set(NOTIFICATION.RECIPIENT_ID, recipientId)
			.set(NOTIFICATION.KIND, kind.name())
			.set(NOTIFICATION.ACTOR_ID, actorId)
			.set(NOTIFICATION.COURSE_ID, subject.courseId())
			.set(NOTIFICATION.REVIEW_ID, subject.reviewId())
			.set(NOTIFICATION.COMMENT_ID, subject.commentId())
			.set(NOTIFICATION.DETAIL, subject.detail() == null ? null : truncate(subject.detail()))
			.set(NOTIFICATION.ONCE_KEY, onceKey)
			.set(NOTIFICATION.CREATED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
		if (onceKey == null) {
			insert.execute();
		}
		else {
			insert.onDuplicateKeyIgnore().execute();
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void withdraw(long recipientId, String onceKey) {
		dsl.deleteFrom(NOTIFICATION)
			.where(NOTIFICATION.RECIPIENT_ID.eq(recipientId))
			.and(NOTIFICATION.ONCE_KEY.eq(onceKey))
			.execute();
	}

	public int unread(long personId) {
		return dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(personId).and(NOTIFICATION.READ_AT.isNull()));
	}

	public Page<NotificationView> page(long personId, int page) {
		int total = dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(personId));
		return new Page<>(latest(personId, PAGE_SIZE, (page - 1) * PAGE_SIZE), page, PAGE_SIZE, total);
	}

	public List<NotificationView> latest(long personId, int limit, int offset) {
		return dsl
			.select(NOTIFICATION.ID, NOTIFICATION.KIND, PERSON.USERNAME, NOTIFICATION.COURSE_ID, COURSE.NAME,
					NOTIFICATION.REVIEW_ID, NOTIFICATION.COMMENT_ID, NOTIFICATION.DETAIL, NOTIFICATION.CREATED_AT,
					NOTIFICATION.READ_AT)
			.from(NOTIFICATION)
			.leftJoin(PERSON)
			.on(PERSON.ID.eq(NOTIFICATION.ACTOR_ID))
			.leftJoin(COURSE)
			.on(COURSE.ID.eq(NOTIFICATION.COURSE_ID))
			.where(NOTIFICATION.RECIPIENT_ID.eq(personId))
			.orderBy(NOTIFICATION.ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch(r -> new NotificationView(r.value1(), NotificationKind.valueOf(r.value2()), r.value3(), r.value4(),
					r.value5(), r.value6(), r.value7(), r.value8(), r.value9().toInstant(ZoneOffset.UTC),
					r.value10() != null));
	}

	/**
	 * Marks every notification up to the given one read (those that arrive while the page
	 * is open stay unread).
	 */
	@Transactional
	public void markRead(long personId, long upToId, Instant at) {
		dsl.update(NOTIFICATION)
			.set(NOTIFICATION.READ_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.where(NOTIFICATION.RECIPIENT_ID.eq(personId))
			.and(NOTIFICATION.ID.le(upToId))
			.and(NOTIFICATION.READ_AT.isNull())
			.execute();
	}

	private static String truncate(String text) {
		return text.length() <= 500 ? text : text.substring(0, 500);
	}

}
