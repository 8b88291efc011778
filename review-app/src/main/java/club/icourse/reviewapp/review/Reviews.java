package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.REVIEW;

import club.icourse.db.review.tables.records.ReviewRecord;
import club.icourse.reviewapp.course.CourseFigures;
import club.icourse.reviewapp.mention.Mentions;
import club.icourse.reviewapp.people.Mutes;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewHistory.Action;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a review, each in one transaction with its history snapshot and the
 * course's figures. Changes to one course take turns (its figures row is locked first),
 * which also makes "one review per person per course" hold under concurrent submissions:
 * the second one finds the first and edits it.
 */
@RetriedWhenRolledBack
@Service
public class Reviews {

	private final DSLContext dsl;

	private final ReviewHistory history;

	private final CourseFigures figures;

	private final ApplicationEventPublisher events;

	private final Mentions mentions;

	private final Mutes mutes;

	private final Clock clock;

	Reviews(DSLContext dsl, ReviewHistory history, CourseFigures figures, Clock clock, ApplicationEventPublisher events,
			Mentions mentions, Mutes mutes) {
		this.mutes = mutes;
		this.dsl = dsl;
		this.history = history;
		this.figures = figures;
		this.events = events;
		this.mentions = mentions;
		this.clock = clock;
	}

	/** The terms a review of the course may name, newest first. */
	public List<String> termsOf(long courseId) {
		return dsl.selectDistinct(COURSE_TERM.TERM, COURSE_TERM.TERM_ORDER)
			.from(COURSE_TERM)
			.where(COURSE_TERM.COURSE_ID.eq(courseId))
			.orderBy(COURSE_TERM.TERM_ORDER.desc())
			.fetch(COURSE_TERM.TERM);
	}

	public Optional<ReviewSnapshot> ownReview(long courseId, Person author) {
		return dsl.selectFrom(REVIEW)
			.where(REVIEW.COURSE_ID.eq(courseId))
			.and(REVIEW.AUTHOR_ID.eq(author.id()))
			.fetchOptional()
			.map(ReviewSnapshot::of);
	}

	/**
	 * The review as it is now, whoever may read it: for listeners that decide who to
	 * tell.
	 */
	public Optional<ReviewSnapshot> current(long reviewId) {
		return dsl.selectFrom(REVIEW).where(REVIEW.ID.eq(reviewId)).fetchOptional().map(ReviewSnapshot::of);
	}

	/**
	 * Writes the author's review of the course: a new one, or an edit of theirs. Returns
	 * its id.
	 */
	@Transactional
	public long write(Person author, ReviewDraft draft) {
		mutes.requireNotMuted(author);
		if (!dsl.fetchExists(COURSE, COURSE.ID.eq(draft.courseId()))) {
			throw new ReviewNotFoundException();
		}
		List<ReviewProblem> problems = draft.problems(termsOf(draft.courseId()));
		if (!problems.isEmpty()) {
			throw new ReviewRefusedException(problems);
		}
		figures.lock(draft.courseId());
		Instant now = clock.instant();
		// A locking read sees what a submission that held the lock just before committed.
		ReviewRecord review = dsl.selectFrom(REVIEW)
			.where(REVIEW.COURSE_ID.eq(draft.courseId()))
			.and(REVIEW.AUTHOR_ID.eq(author.id()))
			.forUpdate()
			.fetchOptional()
			.orElse(null);
		boolean created = review == null;
		if (created) {
			review = dsl.newRecord(REVIEW);
			review.setCourseId(draft.courseId());
			review.setAuthorId(author.id());
			review.setCreatedAt(utc(now));
			review.setUpdatedAt(utc(now));
			review.setHidden(false);
			review.setBlocked(false);
			review.setUpvoteCount(0);
			review.setCommentCount(0);
		}
		String content = ReviewText.clean(draft.content());
		boolean contentChanged = created || !content.equals(review.getContent())
				|| !Objects.equals(draft.term(), review.getTerm())
				|| !Objects.equals(draft.rating(), intValue(review.getRating()))
				|| !Objects.equals(draft.difficulty(), intValue(review.getDifficulty()))
				|| !Objects.equals(draft.homework(), intValue(review.getHomework()))
				|| !Objects.equals(draft.grading(), intValue(review.getGrading()))
				|| !Objects.equals(draft.gain(), intValue(review.getGain()))
				|| !Objects.equals(draft.stage(), review.getStage());
		review.setAuthorAffiliation(author.affiliation() == null ? null : author.affiliation().claimValue());
		review.setTerm(draft.term());
		review.setStage(draft.stage());
		review.setRating(byteValue(draft.rating()));
		review.setDifficulty(byteValue(draft.difficulty()));
		review.setHomework(byteValue(draft.homework()));
		review.setGrading(byteValue(draft.grading()));
		review.setGain(byteValue(draft.gain()));
		review.setContent(content);
		review.setContentHtml(ReviewText.toHtml(content, mentions.known(content)::containsKey));
		review.setAnonymous(draft.anonymous());
		review.setStudentsOnly(draft.studentsOnly());
		if (contentChanged && !created) {
			// Only what was said moves a review up the "newest" order; privacy switches
			// do not.
			review.setUpdatedAt(utc(now));
		}
		review.store();
		changed(review, created ? Action.CREATE : Action.UPDATE, author.id(), now, contentChanged);
		figures.refresh(draft.courseId());
		return review.getId();
	}

	@Transactional
	public void hide(Person author, long reviewId, boolean hidden) {
		ReviewRecord review = ownedBy(author, reviewId);
		if (review.getHidden() != hidden) {
			review.setHidden(hidden);
			review.store();
			changed(review, hidden ? Action.HIDE : Action.UNHIDE, author.id(), clock.instant(), false);
			figures.refresh(review.getCourseId());
		}
	}

	/**
	 * Blocks (with the reason its author is told) or unblocks a review; administrators
	 * only.
	 */
	@Transactional
	public void block(Person admin, long reviewId, boolean blocked, String reason) {
		requireAdmin(admin);
		ReviewRecord review = existing(reviewId);
		if (review.getBlocked() != blocked) {
			review.setBlocked(blocked);
			review.setBlockedReason(blocked ? truncate(reason == null ? "" : reason.strip(), 500) : null);
			review.store();
			changed(review, blocked ? Action.BLOCK : Action.UNBLOCK, admin.id(), clock.instant(), false);
			figures.refresh(review.getCourseId());
		}
	}

	/**
	 * Deletes a review (its author, or an administrator); the history keeps it, and an
	 * administrator can restore it.
	 */
	@Transactional
	public void delete(Person person, long reviewId) {
		ReviewRecord review = existing(reviewId);
		if (review.getAuthorId() != person.id() && !person.admin()) {
			throw new ReviewNotFoundException();
		}
		changed(review, Action.DELETE, person.id(), clock.instant(), false);
		review.delete();
		figures.countDeleted(review.getCourseId(), 1);
		figures.refresh(review.getCourseId());
	}

	/**
	 * Brings a deleted review back as it was when deleted, under its old id. Refused
	 * while its author has written another review of the course since (one review per
	 * person per course).
	 */
	@Transactional
	public long restore(Person admin, long reviewId) {
		requireAdmin(admin);
		ReviewRecord snapshot = history.deletedRow(reviewId).orElseThrow(ReviewNotFoundException::new);
		figures.lock(snapshot.getCourseId());
		if (dsl.fetchExists(REVIEW,
				REVIEW.COURSE_ID.eq(snapshot.getCourseId()).and(REVIEW.AUTHOR_ID.eq(snapshot.getAuthorId())))) {
			throw new ReviewRefusedException(List.of(new ReviewProblem("review", "restore-replaced")));
		}
		ReviewRecord restored = dsl.newRecord(REVIEW, snapshot);
		restored.setUpvoteCount(0);
		restored.setCommentCount(0);
		restored.insert();
		changed(restored, Action.RESTORE, admin.id(), clock.instant(), false);
		figures.countDeleted(snapshot.getCourseId(), -1);
		figures.refresh(snapshot.getCourseId());
		return restored.getId();
	}

	private void changed(ReviewRecord review, Action action, long operatorId, Instant at, boolean contentChanged) {
		history.record(review, action, operatorId, at);
		events.publishEvent(new ReviewChanged(ReviewSnapshot.of(review), action, operatorId, at, contentChanged));
	}

	private ReviewRecord ownedBy(Person author, long reviewId) {
		ReviewRecord review = existing(reviewId);
		if (review.getAuthorId() != author.id()) {
			throw new ReviewNotFoundException();
		}
		return review;
	}

	/**
	 * The review as it is now, locked for the change, after its course (always in that
	 * order: no deadlocks).
	 */
	private ReviewRecord existing(long reviewId) {
		long courseId = dsl.select(REVIEW.COURSE_ID)
			.from(REVIEW)
			.where(REVIEW.ID.eq(reviewId))
			.fetchOptional(REVIEW.COURSE_ID)
			.orElseThrow(ReviewNotFoundException::new);
		figures.lock(courseId);
		return dsl.selectFrom(REVIEW)
			.where(REVIEW.ID.eq(reviewId))
			.forUpdate()
			.fetchOptional()
			.orElseThrow(ReviewNotFoundException::new);
	}

	private static void requireAdmin(Person person) {
		if (!person.admin()) {
			throw new ReviewNotFoundException();
		}
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Integer intValue(Byte value) {
		return value == null ? null : value.intValue();
	}

	private static Byte byteValue(Integer value) {
		return value == null ? null : value.byteValue();
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
