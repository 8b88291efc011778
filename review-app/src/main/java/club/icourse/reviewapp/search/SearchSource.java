package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.TEACHER;
import static org.jooq.impl.DSL.count;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * What the index is built from: courses, teachers and reviews read from the database, all
 * of them (at start-up, in a few streamed queries) or the few that a change-log batch
 * names.
 */
@Repository
class SearchSource {

	private static final int FETCH_SIZE = 2_000;

	/**
	 * A course, with what its line in the results shows (so that a results page needs no
	 * database read).
	 */
	record CourseEntry(long id, String name, List<String> teachers, Set<String> codes, Set<String> terms,
			String department, String departmentName, String latestTerm, String latestCode, int reviews,
			Double averageRating, double rating) {
	}

	record TeacherEntry(long id, String name, String department, String departmentName, int courses) {
	}

	record ReviewEntry(long id, long courseId, String text, String term, String department, long authorId,
			boolean hidden, boolean blocked, boolean studentsOnly) {
	}

	private final DSLContext dsl;

	SearchSource(DSLContext dsl) {
		this.dsl = dsl;
	}

	void courses(Collection<Long> ids, Consumer<CourseEntry> sink) {
		Condition which = ids == null ? COURSE.ID.isNotNull() : COURSE.ID.in(ids);
		Map<Long, List<String>> teachers = new HashMap<>();
		dsl.select(COURSE_TEACHER.COURSE_ID, TEACHER.NAME)
			.from(COURSE_TEACHER)
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.join(COURSE)
			.on(COURSE.ID.eq(COURSE_TEACHER.COURSE_ID))
			.where(which)
			.orderBy(COURSE_TEACHER.COURSE_ID, COURSE_TEACHER.POSITION)
			.fetchSize(FETCH_SIZE)
			.forEach(r -> teachers.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
		// In term order, so that the last code and term of a course are its latest.
		Map<Long, Set<String>> codes = new HashMap<>();
		Map<Long, Set<String>> terms = new HashMap<>();
		Map<Long, String> latestCode = new HashMap<>();
		Map<Long, String> latestTerm = new HashMap<>();
		dsl.select(COURSE_TERM.COURSE_ID, COURSE_TERM.COURSE_CODE, COURSE_TERM.TERM)
			.from(COURSE_TERM)
			.join(COURSE)
			.on(COURSE.ID.eq(COURSE_TERM.COURSE_ID))
			.where(which)
			.orderBy(COURSE_TERM.COURSE_ID, COURSE_TERM.TERM_ORDER, COURSE_TERM.ID)
			.fetchSize(FETCH_SIZE)
			.forEach(r -> {
				codes.computeIfAbsent(r.value1(), id -> new LinkedHashSet<>()).add(r.value2());
				terms.computeIfAbsent(r.value1(), id -> new LinkedHashSet<>()).add(r.value3());
				latestCode.put(r.value1(), r.value2());
				latestTerm.put(r.value1(), r.value3());
			});
		try (var rows = dsl
			.select(COURSE.ID, COURSE.NAME, DEPARTMENT.CODE, DEPARTMENT.NAME, COURSE_STATS.REVIEW_COUNT,
					COURSE_STATS.RATED_COUNT, COURSE_STATS.RATING_SUM, COURSE_STATS.NORMALIZED_RATING)
			.from(COURSE)
			.leftJoin(DEPARTMENT)
			.on(DEPARTMENT.ID.eq(COURSE.DEPARTMENT_ID))
			.leftJoin(COURSE_STATS)
			.on(COURSE_STATS.COURSE_ID.eq(COURSE.ID))
			.where(which)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			rows.forEach(r -> {
				int rated = r.value6() == null ? 0 : r.value6();
				sink.accept(new CourseEntry(r.value1(), r.value2(), teachers.getOrDefault(r.value1(), List.of()),
						codes.getOrDefault(r.value1(), Set.of()), terms.getOrDefault(r.value1(), Set.of()), r.value3(),
						r.value4(), latestTerm.get(r.value1()), latestCode.get(r.value1()),
						r.value5() == null ? 0 : r.value5(), rated == 0 ? null : (double) r.value7() / rated,
						r.value8() == null ? 0 : r.value8()));
			});
		}
	}

	void teachers(Collection<Long> ids, Consumer<TeacherEntry> sink) {
		Condition which = ids == null ? TEACHER.ID.isNotNull() : TEACHER.ID.in(ids);
		var courses = dsl.select(count())
			.from(COURSE_TEACHER)
			.where(COURSE_TEACHER.TEACHER_ID.eq(TEACHER.ID))
			.asField();
		try (var rows = dsl.select(TEACHER.ID, TEACHER.NAME, DEPARTMENT.CODE, DEPARTMENT.NAME, courses)
			.from(TEACHER)
			.leftJoin(DEPARTMENT)
			.on(DEPARTMENT.ID.eq(TEACHER.DEPARTMENT_ID))
			.where(which)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			rows.forEach(r -> sink.accept(new TeacherEntry(r.value1(), r.value2(), r.value3(), r.value4(),
					((Number) r.value5()).intValue())));
		}
	}

	void reviews(Collection<Long> ids, Consumer<ReviewEntry> sink) {
		Condition which = ids == null ? REVIEW.ID.isNotNull() : REVIEW.ID.in(ids);
		try (var rows = dsl
			.select(REVIEW.ID, REVIEW.COURSE_ID, REVIEW.CONTENT, REVIEW.TERM, DEPARTMENT.CODE, REVIEW.AUTHOR_ID,
					REVIEW.HIDDEN, REVIEW.BLOCKED, REVIEW.STUDENTS_ONLY)
			.from(REVIEW)
			.join(COURSE)
			.on(COURSE.ID.eq(REVIEW.COURSE_ID))
			.leftJoin(DEPARTMENT)
			.on(DEPARTMENT.ID.eq(COURSE.DEPARTMENT_ID))
			.where(which)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			rows.forEach(r -> sink.accept(new ReviewEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
					r.value6(), r.value7(), r.value8(), r.value9())));
		}
	}

	/**
	 * The teachers of the given courses, whose documents a course change may also change.
	 */
	List<Long> teachersOf(Collection<Long> courseIds) {
		return dsl.selectDistinct(COURSE_TEACHER.TEACHER_ID)
			.from(COURSE_TEACHER)
			.where(COURSE_TEACHER.COURSE_ID.in(courseIds))
			.fetch(COURSE_TEACHER.TEACHER_ID);
	}

}
