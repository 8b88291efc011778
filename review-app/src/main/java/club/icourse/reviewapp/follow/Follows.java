package club.icourse.reviewapp.follow;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_FOLLOW;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.PERSON_FOLLOW;

import club.icourse.reviewapp.course.CourseFigures;
import club.icourse.reviewapp.course.CourseNotFoundException;
import club.icourse.reviewapp.people.Person;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following courses and people. A course's follower count moves in the same transaction.
 */
@RetriedWhenRolledBack
@Service
public class Follows {

	/** Someone followed or following, as lists show them. */
	public record Followed(long id, String name) {
	}

	private final DSLContext dsl;

	private final CourseFigures figures;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Follows(DSLContext dsl, CourseFigures figures, Clock clock, ApplicationEventPublisher events) {
		this.dsl = dsl;
		this.figures = figures;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Follows the course or stops following it, as the button said: following twice keeps
	 * one follow, so a page that showed a stale state never turns a click into its
	 * opposite. Returns whether anything changed.
	 */
	@Transactional
	public boolean setCourse(Person person, long courseId, boolean follow) {
		if (!dsl.fetchExists(COURSE, COURSE.ID.eq(courseId))) {
			throw new CourseNotFoundException();
		}
		figures.lock(courseId);
		int changed = follow
				? dsl.insertInto(COURSE_FOLLOW)
					.set(COURSE_FOLLOW.PERSON_ID, person.id())
					.set(COURSE_FOLLOW.COURSE_ID, courseId)
					.set(COURSE_FOLLOW.CREATED_AT, utc(clock.instant()))
					.onDuplicateKeyIgnore()
					.execute()
				: dsl.deleteFrom(COURSE_FOLLOW)
					.where(COURSE_FOLLOW.PERSON_ID.eq(person.id()))
					.and(COURSE_FOLLOW.COURSE_ID.eq(courseId))
					.execute();
		if (changed == 0) {
			return false;
		}
		dsl.update(COURSE_STATS)
			.set(COURSE_STATS.FOLLOW_COUNT,
					dsl.selectCount().from(COURSE_FOLLOW).where(COURSE_FOLLOW.COURSE_ID.eq(courseId)))
			.where(COURSE_STATS.COURSE_ID.eq(courseId))
			.execute();
		return true;
	}

	/**
	 * Follows the person or stops following them, as the button said (twice is once).
	 * Returns whether anything changed; only a new follow tells the followee.
	 */
	@Transactional
	public boolean setPerson(Person follower, long followeeId, boolean follow) {
		if (follower.id() == followeeId || !dsl.fetchExists(PERSON, PERSON.ID.eq(followeeId))) {
			throw new PersonNotFollowableException();
		}
		if (!follow) {
			return dsl.deleteFrom(PERSON_FOLLOW)
				.where(PERSON_FOLLOW.FOLLOWER_ID.eq(follower.id()))
				.and(PERSON_FOLLOW.FOLLOWEE_ID.eq(followeeId))
				.execute() > 0;
		}
		Instant now = clock.instant();
		int added = dsl.insertInto(PERSON_FOLLOW)
			.set(PERSON_FOLLOW.FOLLOWER_ID, follower.id())
			.set(PERSON_FOLLOW.FOLLOWEE_ID, followeeId)
			.set(PERSON_FOLLOW.CREATED_AT, utc(now))
			.onDuplicateKeyIgnore()
			.execute();
		if (added == 1) {
			events.publishEvent(new PersonFollowed(follower.id(), followeeId, now));
		}
		return added == 1;
	}

	public boolean followsPerson(Optional<Person> person, long followeeId) {
		return person.isPresent() && dsl.fetchExists(PERSON_FOLLOW,
				PERSON_FOLLOW.FOLLOWER_ID.eq(person.get().id()).and(PERSON_FOLLOW.FOLLOWEE_ID.eq(followeeId)));
	}

	public List<Long> followersOfCourse(long courseId) {
		return dsl.select(COURSE_FOLLOW.PERSON_ID)
			.from(COURSE_FOLLOW)
			.where(COURSE_FOLLOW.COURSE_ID.eq(courseId))
			.fetch(COURSE_FOLLOW.PERSON_ID);
	}

	public List<Long> followersOfPerson(long personId) {
		return dsl.select(PERSON_FOLLOW.FOLLOWER_ID)
			.from(PERSON_FOLLOW)
			.where(PERSON_FOLLOW.FOLLOWEE_ID.eq(personId))
			.fetch(PERSON_FOLLOW.FOLLOWER_ID);
	}

	public List<Followed> coursesFollowedBy(long personId) {
		return dsl.select(COURSE.ID, COURSE.NAME)
			.from(COURSE_FOLLOW)
			.join(COURSE)
			.on(COURSE.ID.eq(COURSE_FOLLOW.COURSE_ID))
			.where(COURSE_FOLLOW.PERSON_ID.eq(personId))
			.orderBy(COURSE_FOLLOW.CREATED_AT.desc())
			.fetch(r -> new Followed(r.value1(), r.value2()));
	}

	public List<Followed> peopleFollowedBy(long personId) {
		return dsl.select(PERSON.ID, PERSON.USERNAME)
			.from(PERSON_FOLLOW)
			.join(PERSON)
			.on(PERSON.ID.eq(PERSON_FOLLOW.FOLLOWEE_ID))
			.where(PERSON_FOLLOW.FOLLOWER_ID.eq(personId))
			.orderBy(PERSON_FOLLOW.CREATED_AT.desc())
			.fetch(r -> new Followed(r.value1(), r.value2()));
	}

	public List<Followed> followersOf(long personId) {
		return dsl.select(PERSON.ID, PERSON.USERNAME)
			.from(PERSON_FOLLOW)
			.join(PERSON)
			.on(PERSON.ID.eq(PERSON_FOLLOW.FOLLOWER_ID))
			.where(PERSON_FOLLOW.FOLLOWEE_ID.eq(personId))
			.orderBy(PERSON_FOLLOW.CREATED_AT.desc())
			.fetch(r -> new Followed(r.value1(), r.value2()));
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
