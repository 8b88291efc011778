package club.icourse.reviewapp.courseinfo;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.TEACHER;

import club.icourse.reviewapp.moderation.ModerationLog;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.shared.Affiliation;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account of a teacher, linked to their teacher page by an administrator: only an
 * account iCourse ID knows as a teacher's (a staff address), one account per teacher and
 * one teacher per account. Their signed reviews and comments then carry a badge that
 * leads to the page.
 */
@Service
public class TeacherAccounts {

	private final DSLContext dsl;

	private final PersonRepository people;

	private final ModerationLog log;

	private final Clock clock;

	TeacherAccounts(DSLContext dsl, PersonRepository people, ModerationLog log, Clock clock) {
		this.dsl = dsl;
		this.people = people;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public void link(Person admin, long teacherId, String username) {
		InfoEdits.requireAdmin(admin);
		requireTeacher(teacherId);
		Person account = people.byUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> new InfoEditRefusedException("account-unknown"));
		if (account.affiliation() != Affiliation.TEACHER) {
			throw new InfoEditRefusedException("account-not-teacher");
		}
		dsl.update(PERSON).setNull(PERSON.TEACHER_ID).where(PERSON.TEACHER_ID.eq(teacherId)).execute();
		dsl.update(PERSON).set(PERSON.TEACHER_ID, teacherId).where(PERSON.ID.eq(account.id())).execute();
		log.record(admin.id(), "teacher.link", InfoSubject.TEACHER.value(), teacherId, account.username(),
				clock.instant());
	}

	@Transactional
	public void unlink(Person admin, long teacherId) {
		InfoEdits.requireAdmin(admin);
		requireTeacher(teacherId);
		dsl.update(PERSON).setNull(PERSON.TEACHER_ID).where(PERSON.TEACHER_ID.eq(teacherId)).execute();
		log.record(admin.id(), "teacher.unlink", InfoSubject.TEACHER.value(), teacherId, null, clock.instant());
	}

	/** The username of the teacher's account, when one is linked. */
	public Optional<String> account(long teacherId) {
		return dsl.select(PERSON.USERNAME)
			.from(PERSON)
			.where(PERSON.TEACHER_ID.eq(teacherId))
			.and(PERSON.DELETED_AT.isNull())
			.fetchOptional(PERSON.USERNAME);
	}

	private void requireTeacher(long teacherId) {
		if (!dsl.fetchExists(TEACHER, TEACHER.ID.eq(teacherId))) {
			throw new InfoEditRefusedException("not-found");
		}
	}

}
