package club.icourse.reviewapp.notification;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.NOTIFICATION;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;

import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.mention.Mentions;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.Visibility;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications as stored: written by {@link NotificationRules} in their cause's
 * transaction, read by their recipient. A notification about a review is read through the
 * review as it is now: it disappears while its recipient may not read the review (hidden,
 * blocked, students-only, deleted) and stops naming an author who made it anonymous, so
 * that a later privacy change reaches notifications already sent.
 */
@RetriedWhenRolledBack
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
			String key = "notification.kind." + kind.name().toLowerCase(Locale.ROOT);
			return kind == NotificationKind.COURSE_REVIEW || kind == NotificationKind.PERSON_REVIEW
					|| kind == NotificationKind.REPORT_HANDLED ? key + "." + detail : key;
		}

		/** Where the notification leads. */
		public String link() {
			if (reviewId != null) {
				return "/reviews/" + reviewId + (commentId != null ? "#comment-" + commentId : "");
			}
			return actor != null ? Mentions.profilePath(actor) : "/notifications";
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

	/**
	 * Removes every notification about a comment (the comment, a mention in it, a
	 * follower's news of it) when it is deleted: it would lead to nothing, and still say
	 * who wrote what.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void withdrawAboutComment(long commentId) {
		dsl.deleteFrom(NOTIFICATION).where(NOTIFICATION.COMMENT_ID.eq(commentId)).execute();
	}

	public int unread(Person person) {
		return dsl.fetchCount(shownTo(person).and(NOTIFICATION.READ_AT.isNull()));
	}

	public Page<NotificationView> page(Person person, int page) {
		int total = dsl.fetchCount(shownTo(person));
		return new Page<>(latest(person, PAGE_SIZE, (page - 1) * PAGE_SIZE), page, PAGE_SIZE, total);
	}

	public List<NotificationView> latest(Person person, int limit, int offset) {
		return newest(person, DSL.trueCondition(), limit, offset);
	}

	/**
	 * The person's notifications, newest first, older than the given one (from the newest
	 * when null).
	 */
	public List<NotificationView> before(Person person, Long notificationId, int limit) {
		return newest(person, notificationId == null ? DSL.trueCondition() : NOTIFICATION.ID.lt(notificationId), limit,
				0);
	}

	private List<NotificationView> newest(Person person, Condition from, int limit, int offset) {
		return dsl
			.select(NOTIFICATION.ID, NOTIFICATION.KIND, PERSON.USERNAME, NOTIFICATION.COURSE_ID, COURSE.NAME,
					NOTIFICATION.REVIEW_ID, NOTIFICATION.COMMENT_ID, NOTIFICATION.DETAIL, NOTIFICATION.CREATED_AT,
					NOTIFICATION.READ_AT, NOTIFICATION.ACTOR_ID, REVIEW.AUTHOR_ID, REVIEW.ANONYMOUS)
			.from(withReview())
			.leftJoin(PERSON)
			.on(PERSON.ID.eq(NOTIFICATION.ACTOR_ID))
			.leftJoin(COURSE)
			.on(COURSE.ID.eq(NOTIFICATION.COURSE_ID))
			.where(shown(person))
			.and(from)
			.orderBy(NOTIFICATION.ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch(r -> new NotificationView(r.value1(), NotificationKind.valueOf(r.value2()),
					actorShown(person, r.value11(), r.value12(), r.value13()) ? r.value3() : null, r.value4(),
					r.value5(), r.value6(), r.value7(), r.value8(), r.value9().toInstant(ZoneOffset.UTC),
					r.value10() != null));
	}

	private SelectConditionStep<Record1<Integer>> shownTo(Person person) {
		return dsl.selectOne().from(withReview()).where(shown(person));
	}

	private static Table<?> withReview() {
		return NOTIFICATION.leftJoin(REVIEW).on(REVIEW.ID.eq(NOTIFICATION.REVIEW_ID));
	}

	/**
	 * The recipient's notifications that are about no review, or about one they may read
	 * now; never one that tells a follower of the author about a review since made
	 * anonymous, or about the author's comment on it (the kind alone would name the
	 * author).
	 */
	private static Condition shown(Person recipient) {
		Optional<Person> viewer = Optional.of(recipient);
		Condition aboutReadableReview = REVIEW.ID.isNotNull().and(Visibility.readableBy(viewer));
		Condition namesAnonymousAuthor = recipient.admin() ? DSL.falseCondition()
				: REVIEW.ANONYMOUS.isTrue()
					.and(NOTIFICATION.KIND.eq(NotificationKind.PERSON_REVIEW.name())
						.or(NOTIFICATION.KIND.eq(NotificationKind.PERSON_COMMENT.name())
							.and(NOTIFICATION.ACTOR_ID.eq(REVIEW.AUTHOR_ID))));
		return NOTIFICATION.RECIPIENT_ID.eq(recipient.id())
			.and(NOTIFICATION.REVIEW_ID.isNull().or(aboutReadableReview))
			.andNot(namesAnonymousAuthor);
	}

	private static boolean actorShown(Person recipient, Long actorId, Long reviewAuthorId, Boolean anonymous) {
		return actorId == null || !actorId.equals(reviewAuthorId)
				|| Visibility.authorShownTo(Optional.of(recipient), Boolean.TRUE.equals(anonymous), reviewAuthorId);
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
