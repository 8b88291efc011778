package club.icourse.reviewapp.catalogue;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_CLASS;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.TEACHER;
import static org.jooq.impl.DSL.excluded;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The catalogue tables as the import reads and writes them: whole-table reads keyed by
 * the natural keys (folded as the database compares them), and multi-row upserts of a few
 * hundred rows per statement.
 */
@Repository
class CatalogueStore {

	/**
	 * Rows per multi-row statement: well under MariaDB's 65,535 placeholders, large
	 * enough to be fast.
	 */
	private static final int CHUNK = 500;

	record Department(long id, String name) {
	}

	record Teacher(long id, String name, Long departmentId) {
	}

	record Course(long id, String name, Long departmentId) {
	}

	/**
	 * An offering's identity within a course: its canonical term and its folded course
	 * code.
	 */
	record OfferingKey(long courseId, String term, String code) {

		static OfferingKey of(long courseId, String term, String code) {
			return new OfferingKey(courseId, term, Keys.fold(code));
		}
	}

	/**
	 * An offering's stored values, compared with the file's to find what changed. Classes
	 * sorted.
	 */
	record Offering(String term, int termOrder, String code, BigDecimal credits, Integer hours, String type,
			String level, Long departmentId, String description, Set<String> classes) {
	}

	private final DSLContext dsl;

	CatalogueStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	Map<String, Department> departments() {
		Map<String, Department> departments = new HashMap<>();
		dsl.select(DEPARTMENT.ID, DEPARTMENT.CODE, DEPARTMENT.NAME)
			.from(DEPARTMENT)
			.forEach(r -> departments.put(Keys.fold(r.value2()), new Department(r.value1(), r.value3())));
		return departments;
	}

	void upsertDepartments(List<CatalogueFile.Department> departments) {
		inChunks(departments, chunk -> {
			var insert = dsl.insertInto(DEPARTMENT, DEPARTMENT.CODE, DEPARTMENT.NAME);
			chunk.forEach(d -> insert.values(d.code(), d.name()));
			insert.onDuplicateKeyUpdate().set(DEPARTMENT.NAME, excluded(DEPARTMENT.NAME)).execute();
		});
	}

	Map<String, Teacher> teachers() {
		Map<String, Teacher> teachers = new HashMap<>();
		dsl.select(TEACHER.ID, TEACHER.IMPORT_KEY, TEACHER.NAME, TEACHER.DEPARTMENT_ID)
			.from(TEACHER)
			.forEach(r -> teachers.put(Keys.fold(r.value2()), new Teacher(r.value1(), r.value3(), r.value4())));
		return teachers;
	}

	record TeacherValues(String key, String name, Long departmentId) {
	}

	void upsertTeachers(List<TeacherValues> teachers, LocalDateTime now) {
		inChunks(teachers, chunk -> {
			var insert = dsl.insertInto(TEACHER, TEACHER.IMPORT_KEY, TEACHER.NAME, TEACHER.DEPARTMENT_ID,
					TEACHER.CREATED_AT);
			chunk.forEach(t -> insert.values(t.key(), t.name(), t.departmentId(), now));
			insert.onDuplicateKeyUpdate()
				.set(TEACHER.NAME, excluded(TEACHER.NAME))
				.set(TEACHER.DEPARTMENT_ID, excluded(TEACHER.DEPARTMENT_ID))
				.execute();
		});
	}

	/** Courses by folded name and teacher key. */
	Map<String, Course> courses() {
		Map<String, Course> courses = new HashMap<>();
		dsl.select(COURSE.ID, COURSE.NAME, COURSE.TEACHER_KEY, COURSE.DEPARTMENT_ID)
			.from(COURSE)
			.forEach(r -> courses.put(courseKey(r.value2(), r.value3()),
					new Course(r.value1(), r.value2(), r.value4())));
		return courses;
	}

	static String courseKey(String name, String teacherKey) {
		return Keys.fold(name) + "|" + teacherKey;
	}

	/** The course's teacher set as the database keys it: sorted ids joined by commas. */
	static String teacherKey(CatalogueFile.Course course, Map<String, Long> teacherIds) {
		return course.teachers()
			.stream()
			.map(key -> teacherIds.get(Keys.fold(key)))
			.sorted()
			.map(String::valueOf)
			.collect(Collectors.joining(","));
	}

	record CourseValues(String name, String teacherKey, Long departmentId) {
	}

	void insertCourses(List<CourseValues> courses, LocalDateTime now) {
		inChunks(courses, chunk -> {
			var insert = dsl.insertInto(COURSE, COURSE.NAME, COURSE.TEACHER_KEY, COURSE.DEPARTMENT_ID,
					COURSE.CREATED_AT);
			chunk.forEach(c -> insert.values(c.name(), c.teacherKey(), c.departmentId(), now));
			insert.execute();
		});
	}

	void updateCourses(List<Course> courses) {
		if (!courses.isEmpty()) {
			dsl.batch(courses.stream()
				.map(c -> dsl.update(COURSE)
					.set(COURSE.NAME, c.name())
					.set(COURSE.DEPARTMENT_ID, c.departmentId())
					.where(COURSE.ID.eq(c.id())))
				.toList()).execute();
		}
	}

	void createFigures(Collection<Long> courseIds) {
		inChunks(List.copyOf(courseIds), chunk -> {
			var insert = dsl.insertInto(COURSE_STATS, COURSE_STATS.COURSE_ID);
			chunk.forEach(insert::values);
			insert.onDuplicateKeyIgnore().execute();
		});
	}

	/** Each course's teacher ids in display order. */
	Map<Long, List<Long>> teachersOf(Collection<Long> courseIds) {
		Map<Long, List<Long>> teachers = new HashMap<>();
		inChunks(List.copyOf(courseIds),
				chunk -> dsl.select(COURSE_TEACHER.COURSE_ID, COURSE_TEACHER.TEACHER_ID)
					.from(COURSE_TEACHER)
					.where(COURSE_TEACHER.COURSE_ID.in(chunk))
					.orderBy(COURSE_TEACHER.COURSE_ID, COURSE_TEACHER.POSITION)
					.forEach(r -> teachers.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2())));
		return teachers;
	}

	List<Long> coursesTaughtBy(Collection<Long> teacherIds) {
		List<Long> courses = new ArrayList<>();
		inChunks(List.copyOf(teacherIds),
				chunk -> courses.addAll(dsl.selectDistinct(COURSE_TEACHER.COURSE_ID)
					.from(COURSE_TEACHER)
					.where(COURSE_TEACHER.TEACHER_ID.in(chunk))
					.fetch(COURSE_TEACHER.COURSE_ID)));
		return courses;
	}

	void replaceTeachers(Map<Long, List<Long>> teachersByCourse) {
		inChunks(List.copyOf(teachersByCourse.keySet()),
				chunk -> dsl.deleteFrom(COURSE_TEACHER).where(COURSE_TEACHER.COURSE_ID.in(chunk)).execute());
		List<long[]> rows = new ArrayList<>();
		teachersByCourse.forEach((course, teachers) -> {
			for (int i = 0; i < teachers.size(); i++) {
				rows.add(new long[] { course, teachers.get(i), i });
			}
		});
		inChunks(rows, chunk -> {
			var insert = dsl.insertInto(COURSE_TEACHER, COURSE_TEACHER.COURSE_ID, COURSE_TEACHER.TEACHER_ID,
					COURSE_TEACHER.POSITION);
			chunk.forEach(row -> insert.values(row[0], row[1], (int) row[2]));
			insert.execute();
		});
	}

	/** The stored offerings of the given courses, with their ids. */
	Map<OfferingKey, Long> offeringIds(Collection<Long> courseIds) {
		Map<OfferingKey, Long> ids = new HashMap<>();
		inChunks(List.copyOf(courseIds),
				chunk -> dsl.select(COURSE_TERM.ID, COURSE_TERM.COURSE_ID, COURSE_TERM.TERM, COURSE_TERM.COURSE_CODE)
					.from(COURSE_TERM)
					.where(COURSE_TERM.COURSE_ID.in(chunk))
					.forEach(r -> ids.put(OfferingKey.of(r.value2(), r.value3(), r.value4()), r.value1())));
		return ids;
	}

	Map<OfferingKey, Offering> offeringsOf(Collection<Long> courseIds) {
		Map<Long, Set<String>> classes = new HashMap<>();
		inChunks(List.copyOf(courseIds),
				chunk -> dsl.select(COURSE_CLASS.COURSE_TERM_ID, COURSE_CLASS.CLASS_CODE)
					.from(COURSE_CLASS)
					.join(COURSE_TERM)
					.on(COURSE_TERM.ID.eq(COURSE_CLASS.COURSE_TERM_ID))
					.where(COURSE_TERM.COURSE_ID.in(chunk))
					.forEach(r -> classes.computeIfAbsent(r.value1(), id -> new TreeSet<>()).add(r.value2())));
		Map<OfferingKey, Offering> offerings = new HashMap<>();
		inChunks(List.copyOf(courseIds),
				chunk -> dsl.selectFrom(COURSE_TERM)
					.where(COURSE_TERM.COURSE_ID.in(chunk))
					.forEach(t -> offerings.put(OfferingKey.of(t.getCourseId(), t.getTerm(), t.getCourseCode()),
							new Offering(t.getTerm(), t.getTermOrder(), t.getCourseCode(), t.getCredits(), t.getHours(),
									t.getCourseType(), t.getLevel(), t.getDepartmentId(), t.getDescription(),
									classes.getOrDefault(t.getId(), Set.of())))));
		return offerings;
	}

	/**
	 * Adds or updates offerings, then sets each one's classes to exactly the given ones.
	 */
	void upsertOfferings(Map<Long, List<Offering>> offeringsByCourse) {
		List<Map.Entry<Long, Offering>> rows = new ArrayList<>();
		offeringsByCourse.forEach((course, offerings) -> offerings.forEach(o -> rows.add(Map.entry(course, o))));
		inChunks(rows, chunk -> {
			var insert = dsl.insertInto(COURSE_TERM, COURSE_TERM.COURSE_ID, COURSE_TERM.TERM, COURSE_TERM.TERM_ORDER,
					COURSE_TERM.COURSE_CODE, COURSE_TERM.CREDITS, COURSE_TERM.HOURS, COURSE_TERM.COURSE_TYPE,
					COURSE_TERM.LEVEL, COURSE_TERM.DEPARTMENT_ID, COURSE_TERM.DESCRIPTION);
			chunk.forEach(row -> {
				Offering o = row.getValue();
				insert.values(row.getKey(), o.term(), o.termOrder(), o.code(), o.credits(), o.hours(), o.type(),
						o.level(), o.departmentId(), o.description());
			});
			insert.onDuplicateKeyUpdate()
				.set(COURSE_TERM.TERM_ORDER, excluded(COURSE_TERM.TERM_ORDER))
				.set(COURSE_TERM.COURSE_CODE, excluded(COURSE_TERM.COURSE_CODE))
				.set(COURSE_TERM.CREDITS, excluded(COURSE_TERM.CREDITS))
				.set(COURSE_TERM.HOURS, excluded(COURSE_TERM.HOURS))
				.set(COURSE_TERM.COURSE_TYPE, excluded(COURSE_TERM.COURSE_TYPE))
				.set(COURSE_TERM.LEVEL, excluded(COURSE_TERM.LEVEL))
				.set(COURSE_TERM.DEPARTMENT_ID, excluded(COURSE_TERM.DEPARTMENT_ID))
				.set(COURSE_TERM.DESCRIPTION, excluded(COURSE_TERM.DESCRIPTION))
				.execute();
		});
		Map<OfferingKey, Long> ids = offeringIds(offeringsByCourse.keySet());
		List<Long> termIds = rows.stream()
			.map(row -> ids.get(OfferingKey.of(row.getKey(), row.getValue().term(), row.getValue().code())))
			.toList();
		inChunks(termIds, chunk -> dsl.deleteFrom(COURSE_CLASS).where(COURSE_CLASS.COURSE_TERM_ID.in(chunk)).execute());
		List<Map.Entry<Long, String>> classes = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			long termId = termIds.get(i);
			rows.get(i).getValue().classes().forEach(code -> classes.add(Map.entry(termId, code)));
		}
		inChunks(classes, chunk -> {
			var insert = dsl.insertInto(COURSE_CLASS, COURSE_CLASS.COURSE_TERM_ID, COURSE_CLASS.CLASS_CODE);
			chunk.forEach(c -> insert.values(c.getKey(), c.getValue()));
			insert.execute();
		});
	}

	private static <T> void inChunks(List<T> items, Consumer<List<T>> action) {
		for (int from = 0; from < items.size(); from += CHUNK) {
			action.accept(items.subList(from, Math.min(items.size(), from + CHUNK)));
		}
	}

}
