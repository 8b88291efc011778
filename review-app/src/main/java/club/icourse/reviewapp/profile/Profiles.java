package club.icourse.reviewapp.profile;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.PERSON_AVATAR;

import club.icourse.db.review.tables.records.PersonRecord;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Profiles as stored on the person row, and avatars beside it. */
@RetriedWhenRolledBack
@Repository
public class Profiles {

	private final DSLContext dsl;

	Profiles(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The profile with this username (as the database compares them: case- and
	 * accent-insensitive; when two share one, the one seen most recently).
	 */
	public Optional<Profile> byUsername(String username) {
		return dsl.selectFrom(PERSON)
			.where(PERSON.USERNAME.eq(username.strip()))
			.and(PERSON.DELETED_AT.isNull())
			.orderBy(PERSON.LAST_SEEN_AT.desc())
			.limit(1)
			.fetchOptional(Profiles::profile);
	}

	public Profile of(long personId) {
		return dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle(Profiles::profile);
	}

	void update(long personId, ProfileSettings settings) {
		dsl.update(PERSON)
			.set(PERSON.DESCRIPTION, settings.description())
			.set(PERSON.HOMEPAGE, settings.homepage())
			.set(PERSON.HIDE_FOLLOWS, settings.hideFollows())
			.set(PERSON.HIDE_PROFILE, settings.hideProfile())
			.where(PERSON.ID.eq(personId))
			.execute();
	}

	@Transactional
	void storeAvatar(long personId, byte[] png, Instant at) {
		dsl.insertInto(PERSON_AVATAR)
			.set(PERSON_AVATAR.PERSON_ID, personId)
			.set(PERSON_AVATAR.PNG, png)
			.set(PERSON_AVATAR.UPDATED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.onDuplicateKeyUpdate()
			.set(PERSON_AVATAR.PNG, png)
			.set(PERSON_AVATAR.UPDATED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.execute();
		dsl.update(PERSON)
			.set(PERSON.AVATAR_VERSION, PERSON.AVATAR_VERSION.plus(1))
			.where(PERSON.ID.eq(personId))
			.execute();
	}

	@Transactional
	void removeAvatar(long personId) {
		dsl.deleteFrom(PERSON_AVATAR).where(PERSON_AVATAR.PERSON_ID.eq(personId)).execute();
		dsl.update(PERSON).set(PERSON.AVATAR_VERSION, 0).where(PERSON.ID.eq(personId)).execute();
	}

	Optional<byte[]> avatar(long personId) {
		return dsl.select(PERSON_AVATAR.PNG)
			.from(PERSON_AVATAR)
			.where(PERSON_AVATAR.PERSON_ID.eq(personId))
			.fetchOptional(PERSON_AVATAR.PNG);
	}

	private static Profile profile(PersonRecord row) {
		return new Profile(row.getId(), row.getUsername(), row.getAffiliation(), row.getDescription(),
				row.getHomepage(), row.getAvatarVersion(), row.getHideFollows(), row.getHideProfile(),
				row.getCreatedAt().toInstant(ZoneOffset.UTC));
	}

}
