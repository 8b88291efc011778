package club.icourse.reviewapp.moderation;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REPORT;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_COMMENT;

import club.icourse.reviewapp.people.ShownNames;
import club.icourse.db.review.tables.records.ReportRecord;
import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewText;
import club.icourse.reviewapp.review.ReviewSnapshot;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.reviewapp.review.Visibility;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports of reviews and comments, and the administrators' queue. Handling a report
 * closes every open report of the same thing with the same outcome, and each reporter is
 * told the outcome.
 */
@RetriedWhenRolledBack
@Service
public class Reports {

	public static final int PAGE_SIZE = 30;

	public static final int MAX_DETAILS = 1000;

	public enum Outcome {

		RESOLVED, BLOCKED, DISMISSED;

		static Optional<Outcome> of(String value) {
			try {
				return Optional.of(valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				return Optional.empty();
			}
		}

	}

	/** An open report as the queue shows it, with the reported text. */
	public record ReportView(long id, String reporter, String reason, String details, Instant at, Long reviewId,
			Long commentId, long courseId, String courseName, String author, String text) {
	}

	private final DSLContext dsl;

	private final Reviews reviews;

	private final Comments comments;

	private final ModerationLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reports(DSLContext dsl, Reviews reviews, Comments comments, ModerationLog log, ApplicationEventPublisher events,
			Clock clock) {
		this.dsl = dsl;
		this.reviews = reviews;
		this.comments = comments;
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Reports a review; reporting the same thing again while the first report is open
	 * changes nothing.
	 */
	@Transactional
	public void reportReview(Person reporter, long reviewId, String reason, String details) {
		readable(reporter, reviewId);
		add(reporter, reviewId, null, reason, details);
	}

	@Transactional
	public long reportComment(Person reporter, long commentId, String reason, String details) {
		long reviewId = dsl.select(REVIEW_COMMENT.REVIEW_ID)
			.from(REVIEW_COMMENT)
			.where(REVIEW_COMMENT.ID.eq(commentId))
			.fetchOptional(REVIEW_COMMENT.REVIEW_ID)
			.orElseThrow(ModerationRefusedException::new);
		readable(reporter, reviewId);
		add(reporter, null, commentId, reason, details);
		return reviewId;
	}

	public Page<ReportView> open(int page) {
		var reporter = PERSON.as("reporter");
		var author = PERSON.as("author");
		var comment = REVIEW_COMMENT.as("c");
		var commentAuthor = PERSON.as("comment_author");
		int total = dsl.fetchCount(REPORT, REPORT.STATUS.eq("open"));
		List<ReportView> items = dsl
			.select(REPORT.ID, ShownNames.of(reporter), REPORT.REASON, REPORT.DETAILS, REPORT.CREATED_AT,
					REPORT.REVIEW_ID, REPORT.COMMENT_ID, REVIEW.COURSE_ID, COURSE.NAME, ShownNames.of(author),
					REVIEW.CONTENT, ShownNames.of(commentAuthor), comment.CONTENT)
			.from(REPORT)
			.join(reporter)
			.on(reporter.ID.eq(REPORT.REPORTER_ID))
			.leftJoin(comment)
			.on(comment.ID.eq(REPORT.COMMENT_ID))
			.leftJoin(commentAuthor)
			.on(commentAuthor.ID.eq(comment.AUTHOR_ID))
			.join(REVIEW)
			.on(REVIEW.ID.eq(DSL.coalesce(REPORT.REVIEW_ID, comment.REVIEW_ID)))
			.join(author)
			.on(author.ID.eq(REVIEW.AUTHOR_ID))
			.join(COURSE)
			.on(COURSE.ID.eq(REVIEW.COURSE_ID))
			.where(REPORT.STATUS.eq("open"))
			.orderBy(REPORT.ID)
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE)
			.fetch(r -> new ReportView(r.value1(), r.value2(), r.value3(), r.value4(),
					r.value5().toInstant(ZoneOffset.UTC), r.value6(), r.value7(), r.value8(), r.value9(),
					r.value7() != null ? r.value12() : r.value10(), r.value7() != null ? r.value13() : r.value11()));
		return new Page<>(items, page, PAGE_SIZE, total);
	}

	/**
	 * Handles a report: BLOCKED blocks the review (the note is the reason its author is
	 * told) or deletes the comment; RESOLVED and DISMISSED change nothing but the report.
	 * Every open report of the same thing closes with it.
	 */
	@Transactional
	public void handle(Person admin, long reportId, String outcomeName, String note) {
		if (!admin.admin()) {
			throw new ModerationRefusedException();
		}
		Outcome outcome = Outcome.of(outcomeName).orElseThrow(ModerationRefusedException::new);
		ReportRecord report = dsl.selectFrom(REPORT)
			.where(REPORT.ID.eq(reportId))
			.and(REPORT.STATUS.eq("open"))
			.forUpdate()
			.fetchOptional()
			.orElseThrow(ModerationRefusedException::new);
		String cleanNote = note == null ? "" : ReviewText.clean(note);
		Long reviewId = report.getReviewId();
		Long courseId;
		if (report.getCommentId() != null) {
			reviewId = dsl.select(REVIEW_COMMENT.REVIEW_ID)
				.from(REVIEW_COMMENT)
				.where(REVIEW_COMMENT.ID.eq(report.getCommentId()))
				.fetchOptional(REVIEW_COMMENT.REVIEW_ID)
				.orElse(null);
		}
		courseId = reviewId == null ? null
				: dsl.select(REVIEW.COURSE_ID)
					.from(REVIEW)
					.where(REVIEW.ID.eq(reviewId))
					.fetchOptional(REVIEW.COURSE_ID)
					.orElse(null);
		if (outcome == Outcome.BLOCKED) {
			if (report.getCommentId() != null) {
				if (reviewId != null) {
					comments.delete(admin, report.getCommentId());
				}
			}
			else if (reviewId != null && courseId != null) {
				reviews.block(admin, reviewId, true, cleanNote.isEmpty() ? report.getReason() : cleanNote);
			}
		}
		Instant now = clock.instant();
		var sameThing = report.getCommentId() != null ? REPORT.COMMENT_ID.eq(report.getCommentId())
				: REPORT.REVIEW_ID.eq(report.getReviewId());
		List<ReportRecord> closing = dsl.selectFrom(REPORT)
			.where(sameThing)
			.and(REPORT.STATUS.eq("open"))
			.forUpdate()
			.fetch();
		for (ReportRecord closed : closing) {
			closed.setStatus(outcome.name().toLowerCase(Locale.ROOT));
			closed.setHandledBy(admin.id());
			closed.setHandledAt(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
			closed.setOpenKey(null);
			closed.store();
			events.publishEvent(new ReportHandled(closed.getId(), closed.getReporterId(),
					outcome.name().toLowerCase(Locale.ROOT), reviewId, courseId, now));
		}
		log.record(admin.id(), "report." + outcome.name().toLowerCase(Locale.ROOT),
				report.getCommentId() != null ? "comment" : "review",
				report.getCommentId() != null ? report.getCommentId() : report.getReviewId(), cleanNote, now);
	}

	private void readable(Person reporter, long reviewId) {
		ReviewSnapshot review = reviews.current(reviewId)
			.filter(found -> Visibility.canRead(Optional.of(reporter), found))
			.orElseThrow(ModerationRefusedException::new);
		if (review.authorId() == reporter.id()) {
			throw new ModerationRefusedException();
		}
	}

	private void add(Person reporter, Long reviewId, Long commentId, String reason, String details) {
		ReportReason why = ReportReason.of(reason).orElseThrow(ModerationRefusedException::new);
		String text = details == null ? "" : ReviewText.clean(details);
		if (text.codePointCount(0, text.length()) > MAX_DETAILS) {
			throw new ModerationRefusedException();
		}
		if (dsl.insertInto(REPORT)
			.set(REPORT.REPORTER_ID, reporter.id())
			.set(REPORT.REVIEW_ID, reviewId)
			.set(REPORT.COMMENT_ID, commentId)
			.set(REPORT.REASON, why.value())
			.set(REPORT.DETAILS, text.isEmpty() ? null : text)
			.set(REPORT.CREATED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.set(REPORT.OPEN_KEY, reviewId != null ? "review:" + reviewId : "comment:" + commentId)
			.onDuplicateKeyIgnore()
			.execute() == 1) {
			events.publishEvent(new ReportCreated(reporter.id(), why.value()));
		}
	}

}
