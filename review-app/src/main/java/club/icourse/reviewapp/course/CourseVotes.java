package club.icourse.reviewapp.course;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_VOTE;
import static org.jooq.impl.DSL.count;

import club.icourse.reviewapp.people.Person;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Up or down on a course, one or the other (or neither) per person, with the course's
 * counts kept exact.
 */
@RetriedWhenRolledBack
@Service
public class CourseVotes {

	private final DSLContext dsl;

	private final CourseFigures figures;

	private final Clock clock;

	CourseVotes(DSLContext dsl, CourseFigures figures, Clock clock) {
		this.dsl = dsl;
		this.figures = figures;
		this.clock = clock;
	}

	/** Sets the person's vote: +1, -1, or 0 to withdraw it. */
	@Transactional
	public void vote(Person person, long courseId, int value) {
		if (!dsl.fetchExists(COURSE, COURSE.ID.eq(courseId))) {
			throw new CourseNotFoundException();
		}
		figures.lock(courseId);
		dsl.deleteFrom(COURSE_VOTE)
			.where(COURSE_VOTE.COURSE_ID.eq(courseId))
			.and(COURSE_VOTE.PERSON_ID.eq(person.id()))
			.execute();
		if (value != 0) {
			dsl.insertInto(COURSE_VOTE)
				.set(COURSE_VOTE.COURSE_ID, courseId)
				.set(COURSE_VOTE.PERSON_ID, person.id())
				.set(COURSE_VOTE.VALUE, (byte) Integer.signum(value))
				.set(COURSE_VOTE.CREATED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.execute();
		}
		var counts = dsl
			.select(count().filterWhere(COURSE_VOTE.VALUE.eq((byte) 1)),
					count().filterWhere(COURSE_VOTE.VALUE.eq((byte) -1)))
			.from(COURSE_VOTE)
			.where(COURSE_VOTE.COURSE_ID.eq(courseId))
			.fetchSingle();
		dsl.update(COURSE_STATS)
			.set(COURSE_STATS.UPVOTE_COUNT, counts.value1())
			.set(COURSE_STATS.DOWNVOTE_COUNT, counts.value2())
			.where(COURSE_STATS.COURSE_ID.eq(courseId))
			.execute();
	}

}
