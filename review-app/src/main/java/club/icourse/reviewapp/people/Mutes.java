package club.icourse.reviewapp.people;

import static club.icourse.db.review.Tables.PERSON;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Muted people cannot write reviews, comments or course information until their mute
 * ends.
 */
@Repository
public class Mutes {

	private final DSLContext dsl;

	private final Clock clock;

	Mutes(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/** Throws {@link MutedException} when the person is muted now. */
	public void requireNotMuted(Person person) {
		Optional<Instant> until = mutedUntil(person.id());
		if (until.isPresent()) {
			throw new MutedException(until.get());
		}
	}

	public Optional<Instant> mutedUntil(long personId) {
		return dsl.select(PERSON.MUTED_UNTIL)
			.from(PERSON)
			.where(PERSON.ID.eq(personId))
			.fetchOptional(PERSON.MUTED_UNTIL)
			.map(until -> until.toInstant(ZoneOffset.UTC))
			.filter(until -> until.isAfter(clock.instant()));
	}

	/** Mutes until the given time (or lifts the mute, with null). */
	public void set(long personId, Instant until, String reason) {
		dsl.update(PERSON)
			.set(PERSON.MUTED_UNTIL, until == null ? null : LocalDateTime.ofInstant(until, ZoneOffset.UTC))
			.set(PERSON.MUTE_REASON, until == null ? null : reason)
			.where(PERSON.ID.eq(personId))
			.execute();
	}

}
