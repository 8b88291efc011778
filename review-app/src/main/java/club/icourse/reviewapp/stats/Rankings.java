package club.icourse.reviewapp.stats;

import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import club.icourse.reviewapp.people.ShownNames;
import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseFigures;
import club.icourse.reviewapp.course.CourseSummary;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.stereotype.Repository;

/**
 * Rankings by the exact per-course figures: best and worst by normalized rating (with a
 * minimum number of rated reviews, so that one review does not make a course "best"),
 * most reviewed, and the reviewers whose signed reviews were upvoted most (anonymous
 * reviews never count: that would tie them to their authors).
 */
@Repository
public class Rankings {

	public static final int MIN_RATED_REVIEWS = 3;

	public record Reviewer(String username, int upvotes, int reviews) {
	}

	private final DSLContext dsl;

	private final CourseCatalogue catalogue;

	Rankings(DSLContext dsl, CourseCatalogue catalogue) {
		this.dsl = dsl;
		this.catalogue = catalogue;
	}

	public List<CourseSummary> best(int limit) {
		return ranked(COURSE_STATS.NORMALIZED_RATING.desc(), limit);
	}

	public List<CourseSummary> worst(int limit) {
		return ranked(COURSE_STATS.NORMALIZED_RATING.asc(), limit);
	}

	public List<CourseSummary> mostReviewed(int limit) {
		return catalogue.summaries(dsl.select(COURSE_STATS.COURSE_ID)
			.from(COURSE_STATS)
			.where(COURSE_STATS.REVIEW_COUNT.gt(0))
			.orderBy(COURSE_STATS.REVIEW_COUNT.desc(), COURSE_STATS.COURSE_ID.asc())
			.limit(limit)
			.fetch(COURSE_STATS.COURSE_ID));
	}

	public List<Reviewer> mostHelpfulReviewers(int limit) {
		Field<BigDecimal> upvotes = sum(REVIEW.UPVOTE_COUNT);
		return dsl.select(ShownNames.of(PERSON), upvotes, count())
			.from(REVIEW)
			.join(PERSON)
			.on(PERSON.ID.eq(REVIEW.AUTHOR_ID))
			.where(CourseFigures.COUNTED)
			.and(REVIEW.ANONYMOUS.isFalse())
			.and(REVIEW.STUDENTS_ONLY.isFalse())
			.and(PERSON.HIDE_PROFILE.isFalse())
			.groupBy(REVIEW.AUTHOR_ID, PERSON.USERNAME, PERSON.DELETED_AT)
			.having(upvotes.gt(BigDecimal.ZERO))
			.orderBy(upvotes.desc(), REVIEW.AUTHOR_ID.asc())
			.limit(limit)
			.fetch(r -> new Reviewer(r.value1(), r.value2().intValue(), r.value3()));
	}

	private List<CourseSummary> ranked(SortField<Double> order, int limit) {
		return catalogue.summaries(dsl.select(COURSE_STATS.COURSE_ID)
			.from(COURSE_STATS)
			.where(COURSE_STATS.RATED_COUNT.ge(MIN_RATED_REVIEWS))
			.orderBy(order, COURSE_STATS.RATED_COUNT.desc(), COURSE_STATS.COURSE_ID.asc())
			.limit(limit)
			.fetch(COURSE_STATS.COURSE_ID));
	}

}
