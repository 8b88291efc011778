package club.icourse.reviewapp;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.SEARCH_CHANGE;

import club.icourse.reviewapp.people.Person;
import club.icourse.shared.Affiliation;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;

/**
 * Courses and people made straight in the database, for tests about what happens to them
 * afterwards.
 */
public final class TestCatalogue {

	private final DSLContext dsl;

	public TestCatalogue(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** A course with one offering in each of the given terms (the last is the latest). */
	public long course(String name, String... terms) {
		long id = dsl.insertInto(COURSE)
			.set(COURSE.NAME, name)
			.set(COURSE.TEACHER_KEY, UUID.randomUUID().toString())
			.set(COURSE.CREATED_AT, LocalDateTime.now())
			.returningResult(COURSE.ID)
			.fetchSingle()
			.value1();
		dsl.insertInto(COURSE_STATS).set(COURSE_STATS.COURSE_ID, id).execute();
		for (int i = 0; i < terms.length; i++) {
			dsl.insertInto(COURSE_TERM)
				.set(COURSE_TERM.COURSE_ID, id)
				.set(COURSE_TERM.TERM, terms[i])
				.set(COURSE_TERM.TERM_ORDER, 20000 + i)
				.set(COURSE_TERM.COURSE_CODE, "TEST" + id)
				.execute();
		}
		// What a catalogue change's listener writes, so that the search index learns of
		// the course.
		dsl.insertInto(SEARCH_CHANGE)
			.set(SEARCH_CHANGE.KIND, "COURSE")
			.set(SEARCH_CHANGE.ENTITY_ID, id)
			.set(SEARCH_CHANGE.CHANGED_AT, LocalDateTime.now())
			.execute();
		return id;
	}

	public Person student() {
		return person(Affiliation.STUDENT, false);
	}

	public Person teacher() {
		return person(Affiliation.TEACHER, false);
	}

	public Person admin() {
		return person(Affiliation.TEACHER, true);
	}

	/**
	 * A student whose username is the given prefix plus random Chinese characters (unique
	 * across test runs).
	 */
	public Person chineseStudent(String prefix) {
		StringBuilder name = new StringBuilder(prefix);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 4; i++) {
			name.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
		}
		return person(name.toString(), Affiliation.STUDENT, false);
	}

	private Person person(Affiliation affiliation, boolean admin) {
		return person("p" + UUID.randomUUID().toString().substring(0, 8), affiliation, admin);
	}

	private Person person(String username, Affiliation affiliation, boolean admin) {
		long id = dsl.insertInto(PERSON)
			.set(PERSON.ISSUER, "http://test")
			.set(PERSON.SUBJECT, UUID.randomUUID().toString())
			.set(PERSON.USERNAME, username)
			.set(PERSON.AFFILIATION, affiliation.claimValue())
			.set(PERSON.LOCAL_ADMIN, admin)
			.set(PERSON.CREATED_AT, LocalDateTime.now())
			.set(PERSON.LAST_SEEN_AT, LocalDateTime.now())
			.returningResult(PERSON.ID)
			.fetchSingle()
			.value1();
		return new Person(id, username, affiliation, admin);
	}

}
