package club.icourse.reviewapp.moderation;

import static club.icourse.db.review.Tables.PERSON;

import club.icourse.reviewapp.people.Person;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators of this site besides those iCourse ID names: an administrator grants or
 * withdraws the role here (logged). It takes effect at the person's next sign-in, when
 * their authorities are worked out.
 */
@Service
public class LocalAdmins {

	private final DSLContext dsl;

	private final ModerationLog log;

	private final Clock clock;

	LocalAdmins(DSLContext dsl, ModerationLog log, Clock clock) {
		this.dsl = dsl;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public void grant(Person admin, long personId, boolean granted) {
		if (!admin.admin() || admin.id() == personId) {
			throw new ModerationRefusedException();
		}
		if (dsl.update(PERSON).set(PERSON.LOCAL_ADMIN, granted).where(PERSON.ID.eq(personId)).execute() == 1) {
			log.record(admin.id(), granted ? "person.admin-grant" : "person.admin-withdraw", "person", personId, null,
					clock.instant());
		}
	}

	public boolean isLocalAdmin(long personId) {
		return dsl.fetchExists(PERSON, PERSON.ID.eq(personId).and(PERSON.LOCAL_ADMIN.isTrue()));
	}

}
