package club.icourse.reviewapp.comment;

import static club.icourse.db.review.Tables.COMMENT_HISTORY;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_COMMENT;

import club.icourse.db.review.tables.records.ReviewCommentRecord;
import club.icourse.db.review.tables.records.ReviewRecord;
import club.icourse.reviewapp.mention.Mentions;
import club.icourse.reviewapp.people.Mutes;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewSnapshot;
import club.icourse.reviewapp.review.ReviewText;
import club.icourse.reviewapp.review.Visibility;
import club.icourse.web.NotFoundException;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments: written by signed-in people on reviews they can read, at most 500 characters
 * of plain text.
 */
@RetriedWhenRolledBack
@Service
public class Comments {

	public static final int MAX_LENGTH = 500;

	/**
	 * A comment as pages show it.
	 *
	 * @param author the author's username, or null when their account was deleted
	 * @param authorTeacherId the teacher page linked to the author's account, if any
	 */
	public record CommentView(long id, long reviewId, String author, String content, String contentHtml, Instant at,
			boolean deletable, Long authorTeacherId) {
	}

	/** The comment cannot be written: {@code comment.problem.<code>}. */
	public static class CommentRefusedException extends RuntimeException {

		private final String code;

		CommentRefusedException(String code) {
			super(code);
			this.code = code;
		}

		public String messageKey() {
			return "comment.problem." + code;
		}

	}

	/** No such comment or review, or not one this person may act on. */
	public static class CommentNotFoundException extends NotFoundException {

	}

	private final DSLContext dsl;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Mentions mentions;

	private final Mutes mutes;

	Comments(DSLContext dsl, Clock clock, ApplicationEventPublisher events, Mentions mentions, Mutes mutes) {
		this.mutes = mutes;
		this.mentions = mentions;
		this.dsl = dsl;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public long write(Person author, long reviewId, String text) {
		mutes.requireNotMuted(author);
		ReviewRecord review = dsl.selectFrom(REVIEW)
			.where(REVIEW.ID.eq(reviewId))
			.forUpdate()
			.fetchOptional()
			.filter(found -> Visibility.canRead(Optional.of(author), ReviewSnapshot.of(found)))
			.orElseThrow(CommentNotFoundException::new);
		String content = ReviewText.clean(text).replaceAll("\\s*\\n\\s*", "\n");
		if (content.isEmpty()) {
			throw new CommentRefusedException("empty");
		}
		if (content.codePointCount(0, content.length()) > MAX_LENGTH) {
			throw new CommentRefusedException("long");
		}
		Instant now = clock.instant();
		ReviewCommentRecord comment = dsl.newRecord(REVIEW_COMMENT);
		comment.setReviewId(review.getId());
		comment.setAuthorId(author.id());
		comment.setContent(content);
		comment.setCreatedAt(utc(now));
		comment.store();
		dsl.update(REVIEW)
			.set(REVIEW.COMMENT_COUNT, REVIEW.COMMENT_COUNT.plus(1))
			.where(REVIEW.ID.eq(review.getId()))
			.execute();
		history(comment, CommentChanged.Action.CREATE, author.id(), now);
		return comment.getId();
	}

	/**
	 * Deletes a comment (its author or an administrator); returns the review it was on.
	 */
	@Transactional
	public long delete(Person person, long commentId) {
		ReviewCommentRecord comment = dsl.selectFrom(REVIEW_COMMENT)
			.where(REVIEW_COMMENT.ID.eq(commentId))
			.forUpdate()
			.fetchOptional()
			.filter(found -> found.getAuthorId() == person.id() || person.admin())
			.orElseThrow(CommentNotFoundException::new);
		history(comment, CommentChanged.Action.DELETE, person.id(), clock.instant());
		comment.delete();
		dsl.update(REVIEW)
			.set(REVIEW.COMMENT_COUNT, REVIEW.COMMENT_COUNT.minus(1))
			.where(REVIEW.ID.eq(comment.getReviewId()))
			.execute();
		return comment.getReviewId();
	}

	/** The comments on the given reviews, oldest first, by review. */
	public Map<Long, List<CommentView>> on(Collection<Long> reviewIds, Optional<Person> viewer) {
		if (reviewIds.isEmpty()) {
			return Map.of();
		}
		var rows = dsl
			.select(REVIEW_COMMENT.ID, REVIEW_COMMENT.REVIEW_ID, PERSON.USERNAME, REVIEW_COMMENT.CONTENT,
					REVIEW_COMMENT.CREATED_AT, REVIEW_COMMENT.AUTHOR_ID, PERSON.DELETED_AT, PERSON.TEACHER_ID)
			.from(REVIEW_COMMENT)
			.join(PERSON)
			.on(PERSON.ID.eq(REVIEW_COMMENT.AUTHOR_ID))
			.where(REVIEW_COMMENT.REVIEW_ID.in(reviewIds))
			.orderBy(REVIEW_COMMENT.ID)
			.fetch();
		var known = mentions.known(String.join("\n", rows.getValues(REVIEW_COMMENT.CONTENT)));
		return rows.stream()
			.map(r -> new CommentView(r.value1(), r.value2(), r.value7() == null ? r.value3() : null, r.value4(),
					Mentions.linkPlainText(r.value4(), known), r.value5().toInstant(ZoneOffset.UTC),
					viewer.map(person -> person.admin() || person.id() == r.value6()).orElse(false),
					r.value7() == null ? r.value8() : null))
			.collect(Collectors.groupingBy(CommentView::reviewId, LinkedHashMap::new, Collectors.toList()));
	}

	private void history(ReviewCommentRecord comment, CommentChanged.Action action, long operatorId, Instant at) {
		Result<ReviewCommentRecord> one = dsl.newResult(REVIEW_COMMENT);
		one.add(comment);
		dsl.insertInto(COMMENT_HISTORY)
			.set(COMMENT_HISTORY.COMMENT_ID, comment.getId())
			.set(COMMENT_HISTORY.REVIEW_ID, comment.getReviewId())
			.set(COMMENT_HISTORY.ACTION, action.name().toLowerCase(Locale.ROOT))
			.set(COMMENT_HISTORY.OPERATOR_ID, operatorId)
			.set(COMMENT_HISTORY.OCCURRED_AT, utc(at))
			.set(COMMENT_HISTORY.SNAPSHOT, one.formatJSON())
			.execute();
		events
			.publishEvent(new CommentChanged(
					new CommentSnapshot(comment.getId(), comment.getReviewId(), comment.getAuthorId(),
							comment.getContent(), comment.getCreatedAt().toInstant(ZoneOffset.UTC)),
					action, operatorId, at));
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
