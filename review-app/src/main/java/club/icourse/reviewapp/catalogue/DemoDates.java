package club.icourse.reviewapp.catalogue;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_HISTORY;

import club.icourse.reviewapp.course.CourseFigures;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Spreads the demo reviews over the terms they are about (a review of 2023-spring is
 * written in the summer of 2023), so that the demo site has a history: monthly charts,
 * "newest" orders and "as of" figures that mean something. Demo data only; real reviews
 * keep the time they were written.
 */
@Repository
class DemoDates {

	private final DSLContext dsl;

	private final CourseFigures figures;

	private final Clock clock;

	DemoDates(DSLContext dsl, CourseFigures figures, Clock clock) {
		this.dsl = dsl;
		this.figures = figures;
		this.clock = clock;
	}

	/**
	 * Dates the review (and its history) a few weeks after its term ended, never in the
	 * future.
	 */
	void backdate(long reviewId, String term) {
		LocalDateTime at = writtenAfter(term, reviewId);
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (at == null || at.isAfter(now)) {
			return;
		}
		dsl.update(REVIEW)
			.set(REVIEW.CREATED_AT, at)
			.set(REVIEW.UPDATED_AT, at)
			.where(REVIEW.ID.eq(reviewId))
			.execute();
		dsl.update(REVIEW_HISTORY)
			.set(REVIEW_HISTORY.OCCURRED_AT, at)
			.where(REVIEW_HISTORY.REVIEW_ID.eq(reviewId))
			.execute();
		long courseId = dsl.select(REVIEW.COURSE_ID).from(REVIEW).where(REVIEW.ID.eq(reviewId)).fetchSingle().value1();
		figures.lock(courseId);
		figures.refresh(courseId);
	}

	/** Each demo person joined when they wrote their first review. */
	void settle(List<Long> people) {
		for (long person : people) {
			LocalDateTime first = dsl.select(DSL.min(REVIEW.CREATED_AT))
				.from(REVIEW)
				.where(REVIEW.AUTHOR_ID.eq(person))
				.fetchSingle()
				.value1();
			if (first != null) {
				dsl.update(PERSON).set(PERSON.CREATED_AT, first.minusDays(1)).where(PERSON.ID.eq(person)).execute();
			}
		}
	}

	/**
	 * A day 2-9 weeks after the term (spring ends in June, summer in August, autumn in
	 * January), varied by id.
	 */
	static LocalDateTime writtenAfter(String term, long seed) {
		if (term == null || !term.matches("\\d{4}-(spring|summer|autumn)")) {
			return null;
		}
		int year = Integer.parseInt(term.substring(0, 4));
		LocalDateTime end = switch (term.substring(5)) {
			case "spring" -> LocalDateTime.of(year, 6, 30, 20, 0);
			case "summer" -> LocalDateTime.of(year, 8, 25, 20, 0);
			default -> LocalDateTime.of(year + 1, 1, 20, 20, 0);
		};
		return end.plusDays(14 + Math.floorMod(seed * 7919, 50)).plusMinutes(Math.floorMod(seed * 104729, 600));
	}

}
