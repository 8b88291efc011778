package club.icourse.reviewapp.courseinfo;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.TEACHER;

import club.icourse.reviewapp.course.CourseChanged;
import club.icourse.reviewapp.moderation.ModerationLog;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator changes who teaches a course. Names are matched to known teachers (one
 * already on the course, else one in the course's department, else the only one of that
 * name); an unknown name becomes a new teacher. The course stays the same course (its
 * reviews stay with it), unless another course already has that name and those teachers.
 */
@Service
public class CourseTeachers {

	static final int MAX_TEACHERS = 10;

	private final DSLContext dsl;

	private final ModerationLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CourseTeachers(DSLContext dsl, ModerationLog log, ApplicationEventPublisher events, Clock clock) {
		this.dsl = dsl;
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void change(Person admin, long courseId, String names) {
		if (!admin.admin()) {
			throw new InfoEditRefusedException("not-allowed");
		}
		var course = dsl.selectFrom(COURSE)
			.where(COURSE.ID.eq(courseId))
			.forUpdate()
			.fetchOptional()
			.orElseThrow(() -> new InfoEditRefusedException("not-found"));
		Set<String> wanted = Arrays.stream(ReviewText.clean(names).split("[,，、;；\\n]"))
			.map(String::strip)
			.filter(name -> !name.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (wanted.isEmpty() || wanted.size() > MAX_TEACHERS || wanted.stream().anyMatch(name -> name.length() > 100)) {
			throw new InfoEditRefusedException("teachers");
		}
		List<Long> current = dsl.select(COURSE_TEACHER.TEACHER_ID)
			.from(COURSE_TEACHER)
			.where(COURSE_TEACHER.COURSE_ID.eq(courseId))
			.fetch(COURSE_TEACHER.TEACHER_ID);
		Instant now = clock.instant();
		List<Long> ids = new ArrayList<>();
		for (String name : wanted) {
			ids.add(teacher(name, current, course.getDepartmentId(), now));
		}
		String key = ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
		if (dsl.fetchExists(COURSE,
				COURSE.NAME.eq(course.getName()).and(COURSE.TEACHER_KEY.eq(key)).and(COURSE.ID.ne(courseId)))) {
			throw new InfoEditRefusedException("teachers-taken");
		}
		dsl.deleteFrom(COURSE_TEACHER).where(COURSE_TEACHER.COURSE_ID.eq(courseId)).execute();
		for (int position = 0; position < ids.size(); position++) {
			dsl.insertInto(COURSE_TEACHER)
				.set(COURSE_TEACHER.COURSE_ID, courseId)
				.set(COURSE_TEACHER.TEACHER_ID, ids.get(position))
				.set(COURSE_TEACHER.POSITION, position)
				.execute();
		}
		dsl.update(COURSE).set(COURSE.TEACHER_KEY, key).where(COURSE.ID.eq(courseId)).execute();
		log.record(admin.id(), "course.teachers", "course", courseId, String.join(", ", wanted), now);
		events.publishEvent(new CourseChanged(courseId));
	}

	private long teacher(String name, List<Long> current, Long departmentId, Instant now) {
		var candidates = dsl.select(TEACHER.ID, TEACHER.DEPARTMENT_ID)
			.from(TEACHER)
			.where(TEACHER.NAME.eq(name))
			.orderBy(TEACHER.ID)
			.fetch();
		for (var candidate : candidates) {
			if (current.contains(candidate.value1())) {
				return candidate.value1();
			}
		}
		for (var candidate : candidates) {
			if (departmentId != null && departmentId.equals(candidate.value2())) {
				return candidate.value1();
			}
		}
		if (candidates.size() == 1) {
			return candidates.getFirst().value1();
		}
		if (candidates.size() > 1) {
			throw new InfoEditRefusedException("teacher-ambiguous");
		}
		return dsl.insertInto(TEACHER)
			.set(TEACHER.IMPORT_KEY, "manual:" + UUID.randomUUID())
			.set(TEACHER.NAME, name)
			.set(TEACHER.DEPARTMENT_ID, departmentId)
			.set(TEACHER.CREATED_AT, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.returningResult(TEACHER.ID)
			.fetchSingle()
			.value1();
	}

}
