package club.icourse.reviewapp.course;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_TAKEN;
import static club.icourse.db.review.Tables.COURSE_TERM;

import club.icourse.reviewapp.people.Person;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courses a person says they took ("courses I took" on their profile), each with the
 * term they took it in when they said so: one of the course's terms, or none.
 */
@Service
public class CoursesTaken {

	/** A course taken, as the profile lists it. */
	public record CourseTaken(long courseId, String name, String term) {
	}

	private final DSLContext dsl;

	private final Clock clock;

	CoursesTaken(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/**
	 * Records that the person took the course, in the given term (blank: not said); a
	 * term the course was never given in is refused.
	 */
	@Transactional
	public void take(Person person, long courseId, String term) {
		if (!dsl.fetchExists(COURSE, COURSE.ID.eq(courseId))) {
			throw new CourseNotFoundException();
		}
		String chosen = term == null || term.isBlank() ? null : term.strip();
		if (chosen != null
				&& !dsl.fetchExists(COURSE_TERM, COURSE_TERM.COURSE_ID.eq(courseId).and(COURSE_TERM.TERM.eq(chosen)))) {
			throw new CourseNotFoundException();
		}
		dsl.insertInto(COURSE_TAKEN)
			.set(COURSE_TAKEN.PERSON_ID, person.id())
			.set(COURSE_TAKEN.COURSE_ID, courseId)
			.set(COURSE_TAKEN.TERM, chosen)
			.set(COURSE_TAKEN.CREATED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.onDuplicateKeyUpdate()
			.set(COURSE_TAKEN.TERM, chosen)
			.execute();
	}

	@Transactional
	public void forget(Person person, long courseId) {
		dsl.deleteFrom(COURSE_TAKEN)
			.where(COURSE_TAKEN.PERSON_ID.eq(person.id()))
			.and(COURSE_TAKEN.COURSE_ID.eq(courseId))
			.execute();
	}

	/**
	 * Whether the person took the course: empty if they did not say so, else the term (""
	 * when they did not say which).
	 */
	public Optional<String> termOf(Optional<Person> person, long courseId) {
		return person.flatMap(p -> dsl.select(COURSE_TAKEN.TERM)
			.from(COURSE_TAKEN)
			.where(COURSE_TAKEN.PERSON_ID.eq(p.id()))
			.and(COURSE_TAKEN.COURSE_ID.eq(courseId))
			.fetchOptional(r -> r.value1() == null ? "" : r.value1()));
	}

	/** The person's courses taken, the latest term first (those without a term last). */
	public List<CourseTaken> of(long personId) {
		return dsl.select(COURSE.ID, COURSE.NAME, COURSE_TAKEN.TERM)
			.from(COURSE_TAKEN)
			.join(COURSE)
			.on(COURSE.ID.eq(COURSE_TAKEN.COURSE_ID))
			.where(COURSE_TAKEN.PERSON_ID.eq(personId))
			.orderBy(COURSE_TAKEN.TERM.desc(), COURSE_TAKEN.CREATED_AT.desc())
			.fetch(r -> new CourseTaken(r.value1(), r.value2(), r.value3()));
	}

}
