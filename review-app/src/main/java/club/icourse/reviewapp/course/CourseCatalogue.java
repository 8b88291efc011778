package club.icourse.reviewapp.course;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.TEACHER;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;

import club.icourse.db.review.tables.records.CourseStatsRecord;
import club.icourse.db.review.tables.records.CourseTermRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads of the catalogue for pages: a course, lists of courses, a teacher's courses. */
@Repository
public class CourseCatalogue {

	public static final int PAGE_SIZE = 20;

	/**
	 * A teacher's page: who, and what they teach; {@code photoId} the photo shown (null:
	 * none), {@code account} the username of their linked account (null: none).
	 */
	public record TeacherDetails(long id, String name, String title, String department, String homepage,
			String description, Long photoId, String account, List<CourseSummary> courses) {
	}

	/** A filter choice: value and label. */
	public record Option(String value, String label) {
	}

	private final DSLContext dsl;

	private final CourseListTotals totals;

	CourseCatalogue(DSLContext dsl, CourseListTotals totals) {
		this.dsl = dsl;
		this.totals = totals;
	}

	/** A course with its teachers, offerings and figures, in one read. */
	public Optional<CourseDetails> course(long id) {
		Field<List<CourseDetails.TeacherName>> teachers = multiset(select(TEACHER.ID, TEACHER.NAME).from(COURSE_TEACHER)
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.where(COURSE_TEACHER.COURSE_ID.eq(COURSE.ID))
			.orderBy(COURSE_TEACHER.POSITION))
			.convertFrom(r -> r.map(t -> new CourseDetails.TeacherName(t.value1(), t.value2())));
		Field<Result<CourseTermRecord>> offerings = multiset(
				selectFrom(COURSE_TERM).where(COURSE_TERM.COURSE_ID.eq(COURSE.ID))
					.orderBy(COURSE_TERM.TERM_ORDER.desc(), COURSE_TERM.ID.desc()));
		return dsl
			.select(COURSE.ID, COURSE.NAME, DEPARTMENT.NAME, COURSE.INTRODUCTION, COURSE.HOMEPAGE, teachers, offerings)
			.select(COURSE_STATS.fields())
			.from(COURSE)
			.leftJoin(DEPARTMENT)
			.on(DEPARTMENT.ID.eq(COURSE.DEPARTMENT_ID))
			.leftJoin(COURSE_STATS)
			.on(COURSE_STATS.COURSE_ID.eq(COURSE.ID))
			.where(COURSE.ID.eq(id))
			.fetchOptional(r -> {
				Result<CourseTermRecord> terms = r.get(offerings);
				CourseDetails.LatestTerm latest = terms.stream()
					.findFirst()
					.map(t -> new CourseDetails.LatestTerm(t.getTerm(), t.getCourseCode(), t.getCredits(), t.getHours(),
							t.getCourseType(), t.getLevel(), t.getDescription()))
					.orElse(null);
				return new CourseDetails(r.get(COURSE.ID), r.get(COURSE.NAME), r.get(teachers), r.get(DEPARTMENT.NAME),
						latest, r.get(COURSE.INTRODUCTION), r.get(COURSE.HOMEPAGE),
						terms.stream().map(CourseTermRecord::getTerm).distinct().toList(),
						figures(r.into(COURSE_STATS)));
			});
	}

	public Page<CourseSummary> list(CourseSort sort, String department, String courseType, String term, int page) {
		Condition where = DSL.trueCondition();
		if (department != null && !department.isBlank()) {
			where = where.and(COURSE.DEPARTMENT_ID
				.in(select(DEPARTMENT.ID).from(DEPARTMENT).where(DEPARTMENT.CODE.eq(department))));
		}
		if ((courseType != null && !courseType.isBlank()) || (term != null && !term.isBlank())) {
			Condition offering = COURSE_TERM.COURSE_ID.eq(COURSE.ID);
			if (courseType != null && !courseType.isBlank()) {
				offering = offering.and(COURSE_TERM.COURSE_TYPE.eq(courseType));
			}
			if (term != null && !term.isBlank()) {
				offering = offering.and(COURSE_TERM.TERM.eq(term));
			}
			where = where.and(DSL.exists(select(COURSE_TERM.ID).from(COURSE_TERM).where(offering)));
		}
		Condition filter = where;
		int total = totals.total(department, courseType, term, () -> dsl.fetchCount(COURSE, filter));
		List<CourseSummary> items = summaries(where, order(sort), PAGE_SIZE, (page - 1) * PAGE_SIZE);
		return new Page<>(items, page, PAGE_SIZE, total);
	}

	/**
	 * The first courses in the given order, without counting them all (the home page).
	 */
	public List<CourseSummary> first(CourseSort sort, int limit) {
		return summaries(DSL.trueCondition(), order(sort), limit, 0);
	}

	/**
	 * Courses in the order of their ids, after the given one (from the first with 0): a
	 * list that can be read part by part while courses are added.
	 */
	public List<CourseSummary> after(long courseId, int limit) {
		return summaries(COURSE.ID.gt(courseId), List.of(COURSE.ID.asc()), limit, 0);
	}

	/** Summaries of the given courses, in the given order. */
	public List<CourseSummary> summaries(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<CourseSummary> found = summaries(COURSE.ID.in(ids), List.of(COURSE.ID.asc()), ids.size(), 0);
		return ids.stream().flatMap(id -> found.stream().filter(course -> course.id() == id)).toList();
	}

	public Optional<TeacherDetails> teacher(long id) {
		return dsl
			.select(TEACHER.ID, TEACHER.NAME, TEACHER.TITLE, DEPARTMENT.NAME, TEACHER.HOMEPAGE, TEACHER.DESCRIPTION,
					TEACHER.PHOTO_ID, PERSON.USERNAME)
			.from(TEACHER)
			.leftJoin(DEPARTMENT)
			.on(DEPARTMENT.ID.eq(TEACHER.DEPARTMENT_ID))
			.leftJoin(PERSON)
			.on(PERSON.TEACHER_ID.eq(TEACHER.ID).and(PERSON.DELETED_AT.isNull()))
			.where(TEACHER.ID.eq(id))
			.fetchOptional()
			.map(r -> new TeacherDetails(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7(), r.value8(), summaries(COURSE.ID.in(select(COURSE_TEACHER.COURSE_ID).from(COURSE_TEACHER)
						.where(COURSE_TEACHER.TEACHER_ID.eq(id))), order(CourseSort.RATING), 500, 0)));
	}

	public List<Option> departments() {
		return dsl.select(DEPARTMENT.CODE, DEPARTMENT.NAME)
			.from(DEPARTMENT)
			.orderBy(DEPARTMENT.CODE)
			.fetch(r -> new Option(r.value1(), r.value2()));
	}

	public List<Option> courseTypes() {
		return dsl.selectDistinct(COURSE_TERM.COURSE_TYPE)
			.from(COURSE_TERM)
			.where(COURSE_TERM.COURSE_TYPE.isNotNull())
			.orderBy(COURSE_TERM.COURSE_TYPE)
			.fetch(r -> new Option(r.value1(), r.value1()));
	}

	public List<Option> terms() {
		return dsl.selectDistinct(COURSE_TERM.TERM, COURSE_TERM.TERM_ORDER)
			.from(COURSE_TERM)
			.orderBy(COURSE_TERM.TERM_ORDER.desc())
			.fetch(r -> new Option(r.value1(), r.value1()));
	}

	private List<CourseSummary> summaries(Condition where, List<? extends SortField<?>> order, int limit, int offset) {
		Field<Result<Record1<String>>> teachers = multiset(select(TEACHER.NAME).from(COURSE_TEACHER)
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.where(COURSE_TEACHER.COURSE_ID.eq(COURSE.ID))
			.orderBy(COURSE_TEACHER.POSITION));
		var latestTerm = select(COURSE_TERM.TERM).from(COURSE_TERM)
			.where(COURSE_TERM.COURSE_ID.eq(COURSE.ID))
			.orderBy(COURSE_TERM.TERM_ORDER.desc())
			.limit(1)
			.asField("latest_term");
		var latestCode = select(COURSE_TERM.COURSE_CODE).from(COURSE_TERM)
			.where(COURSE_TERM.COURSE_ID.eq(COURSE.ID))
			.orderBy(COURSE_TERM.TERM_ORDER.desc())
			.limit(1)
			.asField("latest_code");
		return dsl
			.select(COURSE.ID, COURSE.NAME, teachers, DEPARTMENT.NAME, latestTerm, latestCode,
					COURSE_STATS.REVIEW_COUNT, COURSE_STATS.RATED_COUNT, COURSE_STATS.RATING_SUM,
					COURSE_STATS.NORMALIZED_RATING)
			.from(COURSE_STATS)
			.join(COURSE)
			.on(COURSE.ID.eq(COURSE_STATS.COURSE_ID))
			.leftJoin(DEPARTMENT)
			.on(DEPARTMENT.ID.eq(COURSE.DEPARTMENT_ID))
			.where(where)
			.orderBy(order)
			.limit(limit)
			.offset(offset)
			.fetch(r -> new CourseSummary(r.value1(), r.value2(), r.value3().map(Record1::value1), r.value4(),
					(String) r.value5(), (String) r.value6(), value(r.value7()),
					value(r.value8()) == 0 ? null : (double) r.value9() / r.value8(),
					r.value10() == null ? 0 : r.value10()));
	}

	/**
	 * Orders an index of course_stats has (V22), so that a page of a list is read in
	 * order rather than sorted from every course. MariaDB puts nulls last in a descending
	 * order by itself (an explicit NULLS LAST would be emulated and defeat the index).
	 */
	private static List<SortField<?>> order(CourseSort sort) {
		return switch (sort) {
			case RATING -> List.of(COURSE_STATS.NORMALIZED_RATING.desc(), COURSE_STATS.REVIEW_COUNT.desc(),
					COURSE_STATS.COURSE_ID.asc());
			case REVIEWS -> List.of(COURSE_STATS.REVIEW_COUNT.desc(), COURSE_STATS.NORMALIZED_RATING.desc(),
					COURSE_STATS.COURSE_ID.asc());
			case RECENT -> List.of(COURSE_STATS.LAST_REVIEW_AT.desc(), COURSE_STATS.COURSE_ID.asc());
		};
	}

	private static CourseDetails.Figures figures(CourseStatsRecord s) {
		int rated = value(s.getRatedCount());
		return new CourseDetails.Figures(value(s.getReviewCount()), rated, average(s.getRatingSum(), rated),
				average(s.getDifficultySum(), rated), average(s.getHomeworkSum(), rated),
				average(s.getGradingSum(), rated), average(s.getGainSum(), rated),
				s.getNormalizedRating() == null ? 0 : s.getNormalizedRating(), value(s.getUpvoteCount()),
				value(s.getDownvoteCount()), value(s.getBlockedCount()), value(s.getDeletedCount()),
				value(s.getFollowCount()));
	}

	private static Double average(Integer sum, int count) {
		return count == 0 || sum == null ? null : (double) sum / count;
	}

	private static int value(Integer value) {
		return value == null ? 0 : value;
	}

}
