package club.icourse.reviewapp.people;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.SIGN_IN;

import club.icourse.db.review.tables.records.PersonRecord;
import club.icourse.shared.Affiliation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class PersonRepository {

	private final DSLContext dsl;

	PersonRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Records who signed in, creating them on their first sign-in and following a change
	 * of username, affiliation, address or language at the provider; administrators are
	 * those the provider says are, or those made administrators here.
	 * @param language null when the provider did not say
	 */
	public Person signedIn(String issuer, String subject, String username, String school, Affiliation affiliation,
			boolean adminAtProvider, String email, Locale language, Instant now) {
		LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
		String claimValue = affiliation == null ? null : affiliation.claimValue();
		String languageTag = language == null ? null : language.toLanguageTag();
		dsl.insertInto(PERSON)
			.set(PERSON.ISSUER, issuer)
			.set(PERSON.SUBJECT, subject)
			.set(PERSON.USERNAME, username)
			.set(PERSON.SCHOOL, school)
			.set(PERSON.AFFILIATION, claimValue)
			.set(PERSON.CREATED_AT, at)
			.set(PERSON.LAST_SEEN_AT, at)
			.set(PERSON.EMAIL, email)
			.set(PERSON.LOCALE, languageTag)
			.onDuplicateKeyUpdate()
			.set(PERSON.USERNAME, username)
			.set(PERSON.SCHOOL, school)
			.set(PERSON.AFFILIATION, claimValue)
			.set(PERSON.LAST_SEEN_AT, at)
			.set(PERSON.EMAIL, email)
			.set(PERSON.LOCALE, languageTag)
			.execute();
		var row = dsl.selectFrom(PERSON).where(PERSON.ISSUER.eq(issuer)).and(PERSON.SUBJECT.eq(subject)).fetchSingle();
		dsl.insertInto(SIGN_IN).set(SIGN_IN.PERSON_ID, row.getId()).set(SIGN_IN.AT, at).execute();
		return new Person(row.getId(), row.getUsername(), affiliation, adminAtProvider || row.getLocalAdmin());
	}

	/**
	 * A person as rules about them need them (the administrator flag is the one granted
	 * here).
	 */
	public Optional<Person> find(long personId) {
		return dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchOptional(PersonRepository::person);
	}

	/**
	 * The person iCourse ID names by this subject, unless they deleted their account;
	 * without the administrator flag, which is only for what they do on the site itself.
	 */
	public Optional<Person> bySubject(String issuer, String subject) {
		return dsl.selectFrom(PERSON)
			.where(PERSON.ISSUER.eq(issuer))
			.and(PERSON.SUBJECT.eq(subject))
			.and(PERSON.DELETED_AT.isNull())
			.fetchOptional(row -> new Person(row.getId(), row.getUsername(),
					Affiliation.fromClaimValue(row.getAffiliation()).orElse(null), false));
	}

	/**
	 * The people with these usernames (case-insensitive; when two share one, the one seen
	 * most recently).
	 */
	public Map<String, Person> byUsernames(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		Map<String, Person> found = new LinkedHashMap<>();
		dsl.selectFrom(PERSON)
			.where(PERSON.USERNAME.in(usernames))
			.and(PERSON.DELETED_AT.isNull())
			.orderBy(PERSON.LAST_SEEN_AT.asc())
			.forEach(row -> found.put(row.getUsername().toLowerCase(Locale.ROOT), person(row)));
		return found;
	}

	public Optional<Person> byUsername(String username) {
		return Optional.ofNullable(byUsernames(List.of(username)).get(username.toLowerCase(Locale.ROOT)));
	}

	public List<Person> all(Collection<Long> ids) {
		return ids.isEmpty() ? List.of()
				: dsl.selectFrom(PERSON).where(PERSON.ID.in(ids)).fetch(PersonRepository::person);
	}

	private static Person person(PersonRecord row) {
		return new Person(row.getId(), row.getUsername(), Affiliation.fromClaimValue(row.getAffiliation()).orElse(null),
				row.getLocalAdmin());
	}

	/** The address to mail the person at, if the provider gave a verified one. */
	public Optional<String> email(long personId) {
		return dsl.select(PERSON.EMAIL)
			.from(PERSON)
			.where(PERSON.ID.eq(personId))
			.fetchOptional(PERSON.EMAIL)
			.filter(Objects::nonNull);
	}

	/** The language the person chose at the provider, if they said. */
	public Optional<Locale> language(long personId) {
		return dsl.select(PERSON.LOCALE)
			.from(PERSON)
			.where(PERSON.ID.eq(personId))
			.fetchOptional(PERSON.LOCALE)
			.filter(Objects::nonNull)
			.map(Locale::forLanguageTag);
	}

	/**
	 * Whether anyone from this issuer is known here (the demo people have their own
	 * issuer).
	 */
	public boolean anyFrom(String issuer) {
		return dsl.fetchExists(PERSON, PERSON.ISSUER.eq(issuer));
	}

	public Optional<String> username(long personId) {
		return dsl.select(PERSON.USERNAME).from(PERSON).where(PERSON.ID.eq(personId)).fetchOptional(PERSON.USERNAME);
	}

}
