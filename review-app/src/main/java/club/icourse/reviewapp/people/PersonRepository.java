package club.icourse.reviewapp.people;

import static club.icourse.db.review.Tables.PERSON;

import club.icourse.shared.Affiliation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
     * Records who signed in, creating them on their first sign-in and following a change of username or affiliation
     * at the provider; administrators are those the provider says are, or those made administrators here.
     */
    public Person signedIn(String issuer, String subject, String username, String school, Affiliation affiliation,
                    boolean adminAtProvider, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        String claimValue = affiliation == null ? null : affiliation.claimValue();
        dsl.insertInto(PERSON)
                .set(PERSON.ISSUER, issuer)
                .set(PERSON.SUBJECT, subject)
                .set(PERSON.USERNAME, username)
                .set(PERSON.SCHOOL, school)
                .set(PERSON.AFFILIATION, claimValue)
                .set(PERSON.CREATED_AT, at)
                .set(PERSON.LAST_SEEN_AT, at)
                .onDuplicateKeyUpdate()
                .set(PERSON.USERNAME, username)
                .set(PERSON.SCHOOL, school)
                .set(PERSON.AFFILIATION, claimValue)
                .set(PERSON.LAST_SEEN_AT, at)
                .execute();
        var row = dsl.selectFrom(PERSON).where(PERSON.ISSUER.eq(issuer)).and(PERSON.SUBJECT.eq(subject)).fetchSingle();
        return new Person(row.getId(), row.getUsername(), affiliation, adminAtProvider || row.getLocalAdmin());
    }

    /** Whether anyone from this issuer is known here (the demo people have their own issuer). */
    public boolean anyFrom(String issuer) {
        return dsl.fetchExists(PERSON, PERSON.ISSUER.eq(issuer));
    }

    public Optional<String> username(long personId) {
        return dsl.select(PERSON.USERNAME).from(PERSON).where(PERSON.ID.eq(personId)).fetchOptional(PERSON.USERNAME);
    }
}
