package club.icourse.reviewapp.coursepage;

import static club.icourse.db.review.Tables.COURSE_FOLLOW;
import static club.icourse.db.review.Tables.COURSE_TAKEN;
import static club.icourse.db.review.Tables.COURSE_VOTE;
import static club.icourse.db.review.Tables.REVIEW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import club.icourse.reviewapp.people.Person;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * What a course page shows of its reader's own doings on the course (their vote, whether
 * they follow it, whether they reviewed it, when they took it), in one read rather than
 * one per feature: the course page is the most read page of a signed-in person.
 */
@Repository
class ReaderOnCourse {

	/**
	 * @param vote 1, -1, or 0 for none
	 * @param takenIn empty if they did not say they took it, else the term ("" when not
	 * said), as {@code CoursesTaken.termOf}
	 */
	record State(int vote, boolean following, boolean reviewed, Optional<String> takenIn) {

		static final State NOBODY = new State(0, false, false, Optional.empty());

	}

	private final DSLContext dsl;

	ReaderOnCourse(DSLContext dsl) {
		this.dsl = dsl;
	}

	State of(Optional<Person> reader, long courseId) {
		if (reader.isEmpty()) {
			return State.NOBODY;
		}
		long person = reader.get().id();
		return dsl
			.select(field(select(COURSE_VOTE.VALUE).from(COURSE_VOTE)
				.where(COURSE_VOTE.COURSE_ID.eq(courseId))
				.and(COURSE_VOTE.PERSON_ID.eq(person))),
					field(exists(selectOne().from(COURSE_FOLLOW)
						.where(COURSE_FOLLOW.COURSE_ID.eq(courseId))
						.and(COURSE_FOLLOW.PERSON_ID.eq(person)))),
					field(exists(selectOne().from(REVIEW)
						.where(REVIEW.COURSE_ID.eq(courseId))
						.and(REVIEW.AUTHOR_ID.eq(person)))),
					field(select(coalesce(COURSE_TAKEN.TERM, "")).from(COURSE_TAKEN)
						.where(COURSE_TAKEN.COURSE_ID.eq(courseId))
						.and(COURSE_TAKEN.PERSON_ID.eq(person))))
			.fetchSingle(r -> new State(r.value1() == null ? 0 : r.value1(), r.value2(), r.value3(),
					Optional.ofNullable(r.value4())));
	}

}
