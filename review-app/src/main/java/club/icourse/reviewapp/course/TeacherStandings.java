package club.icourse.reviewapp.course;

import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.TEACHER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectHavingStep;
import org.springframework.stereotype.Repository;

/**
 * A teacher's figures over all their courses (as iCourse ranks teachers: the course
 * formula applied to the sums of the teacher's courses), and the teacher ranking: only
 * teachers with at least {@link #MIN_RATED_REVIEWS} rated reviews, so that one review
 * does not put a teacher first.
 */
@Repository
public class TeacherStandings {

	public static final int MIN_RATED_REVIEWS = 3;

	public static final int PAGE_SIZE = 30;

	/**
	 * A teacher with their figures: {@code averageRating} out of ten, null without a
	 * rated review.
	 */
	public record TeacherStanding(long id, String name, String title, String department, int courses, int ratedReviews,
			Double averageRating, double normalizedRating) {

		public Double stars() {
			return averageRating == null ? null : averageRating / 2;
		}
	}

	private static final Field<BigDecimal> RATED = sum(COURSE_STATS.RATED_COUNT);

	private static final Field<BigDecimal> RATING_SUM = sum(COURSE_STATS.RATING_SUM);

	private static final Field<Integer> COURSES = count();

	private final DSLContext dsl;

	TeacherStandings(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Optional<TeacherStanding> of(long teacherId) {
		return grouped(TEACHER.ID.eq(teacherId)).fetchOptional(TeacherStandings::standing);
	}

	public Page<TeacherStanding> ranking(int page) {
		var ranked = grouped(TEACHER.ID.isNotNull()).having(RATED.ge(BigDecimal.valueOf(MIN_RATED_REVIEWS)));
		int total = dsl.fetchCount(ranked);
		List<TeacherStanding> items = ranked
			.orderBy(CourseFigures.normalized(RATING_SUM, RATED).desc(), RATED.desc(), TEACHER.ID.asc())
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE)
			.fetch(TeacherStandings::standing);
		return new Page<>(items, page, PAGE_SIZE, total);
	}

	private SelectHavingStep<? extends Record> grouped(Condition where) {
		return dsl
			.select(TEACHER.ID, TEACHER.NAME, TEACHER.TITLE, DEPARTMENT.NAME, COURSES, RATED, RATING_SUM,
					CourseFigures.normalized(RATING_SUM, RATED).as("normalized"))
			.from(TEACHER)
			.join(COURSE_TEACHER)
			.on(COURSE_TEACHER.TEACHER_ID.eq(TEACHER.ID))
			.join(COURSE_STATS)
			.on(COURSE_STATS.COURSE_ID.eq(COURSE_TEACHER.COURSE_ID))
			.leftJoin(DEPARTMENT)
			.on(DEPARTMENT.ID.eq(TEACHER.DEPARTMENT_ID))
			.where(where)
			.groupBy(TEACHER.ID, TEACHER.NAME, TEACHER.TITLE, DEPARTMENT.NAME);
	}

	private static TeacherStanding standing(Record r) {
		int rated = r.get(RATED) == null ? 0 : r.get(RATED).intValue();
		int ratingSum = r.get(RATING_SUM) == null ? 0 : r.get(RATING_SUM).intValue();
		Double normalized = r.get("normalized", Double.class);
		return new TeacherStanding(r.get(TEACHER.ID), r.get(TEACHER.NAME), r.get(TEACHER.TITLE), r.get(DEPARTMENT.NAME),
				r.get(COURSES), rated, rated == 0 ? null : (double) ratingSum / rated,
				normalized == null ? 0 : normalized);
	}

}
