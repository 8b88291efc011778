package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.REVIEW_DRAFT;

import club.icourse.db.review.tables.records.ReviewDraftRecord;
import club.icourse.reviewapp.people.Person;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews being written, saved on the server by their form (every few seconds and when
 * the page is left), one per person and course: restored when the person opens the form
 * again, from any device, for 30 days. Publishing the review deletes its draft in the
 * same transaction.
 */
@RetriedWhenRolledBack
@Repository
public class SavedDrafts {

	static final Duration KEPT = Duration.ofDays(30);

	private static final int TERM_LENGTH = 16;

	/** A draft as it was saved, and when. */
	public record SavedDraft(ReviewDraft draft, Instant savedAt) {

		/** The draft as its form shows it again. */
		public ReviewForm form() {
			return ReviewForm.of(draft);
		}
	}

	/** The draft is larger than any review may be. */
	static class DraftRefusedException extends RuntimeException {

	}

	private final DSLContext dsl;

	private final Clock clock;

	SavedDrafts(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/**
	 * Keeps what the form holds now, replacing the person's earlier draft of the course;
	 * whatever could not be a rating is kept as none.
	 */
	@Transactional
	public void save(Person person, long courseId, ReviewForm form) {
		if (form.getContent() != null && form.getContent().length() > ReviewDraft.MAX_CONTENT) {
			throw new DraftRefusedException();
		}
		if (!dsl.fetchExists(COURSE, COURSE.ID.eq(courseId))) {
			throw new ReviewNotFoundException();
		}
		ReviewDraft draft = form.toDraft(courseId);
		String term = draft.term() == null || draft.term().length() > TERM_LENGTH ? null : draft.term();
		String content = form.getContent() == null ? "" : form.getContent();
		String stage = draft.stage() != null && ReviewDraft.STAGES.contains(draft.stage()) ? draft.stage() : null;
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		dsl.insertInto(REVIEW_DRAFT)
			.set(REVIEW_DRAFT.PERSON_ID, person.id())
			.set(REVIEW_DRAFT.COURSE_ID, courseId)
			.set(REVIEW_DRAFT.TERM, term)
			.set(REVIEW_DRAFT.RATING, level(draft.rating(), 10))
			.set(REVIEW_DRAFT.DIFFICULTY, level(draft.difficulty(), 3))
			.set(REVIEW_DRAFT.HOMEWORK, level(draft.homework(), 3))
			.set(REVIEW_DRAFT.GRADING, level(draft.grading(), 3))
			.set(REVIEW_DRAFT.GAIN, level(draft.gain(), 3))
			.set(REVIEW_DRAFT.CONTENT, content)
			.set(REVIEW_DRAFT.ANONYMOUS, draft.anonymous())
			.set(REVIEW_DRAFT.STUDENTS_ONLY, draft.studentsOnly())
			.set(REVIEW_DRAFT.STAGE, stage)
			.set(REVIEW_DRAFT.SAVED_AT, now)
			.onDuplicateKeyUpdate()
			.set(REVIEW_DRAFT.TERM, term)
			.set(REVIEW_DRAFT.RATING, level(draft.rating(), 10))
			.set(REVIEW_DRAFT.DIFFICULTY, level(draft.difficulty(), 3))
			.set(REVIEW_DRAFT.HOMEWORK, level(draft.homework(), 3))
			.set(REVIEW_DRAFT.GRADING, level(draft.grading(), 3))
			.set(REVIEW_DRAFT.GAIN, level(draft.gain(), 3))
			.set(REVIEW_DRAFT.CONTENT, content)
			.set(REVIEW_DRAFT.ANONYMOUS, draft.anonymous())
			.set(REVIEW_DRAFT.STUDENTS_ONLY, draft.studentsOnly())
			.set(REVIEW_DRAFT.STAGE, stage)
			.set(REVIEW_DRAFT.SAVED_AT, now)
			.execute();
	}

	/** The person's draft of the course, unless it is older than 30 days. */
	public Optional<SavedDraft> find(Person person, long courseId) {
		return dsl.selectFrom(REVIEW_DRAFT)
			.where(REVIEW_DRAFT.PERSON_ID.eq(person.id()))
			.and(REVIEW_DRAFT.COURSE_ID.eq(courseId))
			.and(REVIEW_DRAFT.SAVED_AT.ge(LocalDateTime.ofInstant(clock.instant().minus(KEPT), ZoneOffset.UTC)))
			.fetchOptional(SavedDrafts::draft);
	}

	private static SavedDraft draft(ReviewDraftRecord row) {
		return new SavedDraft(
				new ReviewDraft(row.getCourseId(), row.getTerm(), number(row.getRating()), number(row.getDifficulty()),
						number(row.getHomework()), number(row.getGrading()), number(row.getGain()), row.getContent(),
						row.getAnonymous(), row.getStudentsOnly(), row.getStage()),
				row.getSavedAt().toInstant(ZoneOffset.UTC));
	}

	/** Every draft of the person not older than 30 days, the latest saved first. */
	public List<SavedDraft> all(Person person) {
		return dsl.selectFrom(REVIEW_DRAFT)
			.where(REVIEW_DRAFT.PERSON_ID.eq(person.id()))
			.and(REVIEW_DRAFT.SAVED_AT.ge(LocalDateTime.ofInstant(clock.instant().minus(KEPT), ZoneOffset.UTC)))
			.orderBy(REVIEW_DRAFT.SAVED_AT.desc())
			.fetch(SavedDrafts::draft);
	}

	@Transactional
	public void discard(Person person, long courseId) {
		discard(person.id(), courseId);
	}

	/** Deletes the drafts last saved more than 30 days ago; returns how many. */
	@Transactional
	public int deleteExpired() {
		return dsl.deleteFrom(REVIEW_DRAFT)
			.where(REVIEW_DRAFT.SAVED_AT.lt(LocalDateTime.ofInstant(clock.instant().minus(KEPT), ZoneOffset.UTC)))
			.execute();
	}

	@EventListener
	void on(ReviewChanged change) {
		if ((change.action() == ReviewHistory.Action.CREATE || change.action() == ReviewHistory.Action.UPDATE)
				&& change.operatorId() == change.review().authorId()) {
			discard(change.review().authorId(), change.review().courseId());
		}
	}

	private void discard(long personId, long courseId) {
		dsl.deleteFrom(REVIEW_DRAFT)
			.where(REVIEW_DRAFT.PERSON_ID.eq(personId))
			.and(REVIEW_DRAFT.COURSE_ID.eq(courseId))
			.execute();
	}

	private static Integer number(Byte value) {
		return value == null ? null : value.intValue();
	}

	private static Byte level(Integer value, int highest) {
		return value == null || value < 1 || value > highest ? null : value.byteValue();
	}

}
