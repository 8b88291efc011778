package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.CLIENT_PREVIOUS_SECRET;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A client's previous secret (its stored hash) after a rotation that keeps it for a grace
 * period; the token endpoint accepts it until then ({@link ClientSecretCheck}).
 */
@Repository
public class PreviousClientSecrets {

	private final DSLContext dsl;

	PreviousClientSecrets(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Keeps {@code secretHash} valid until {@code until}, replacing an earlier one: only
	 * the secret just replaced stays valid.
	 */
	public void keep(String clientId, String secretHash, Instant until) {
		LocalDateTime validUntil = LocalDateTime.ofInstant(until, ZoneOffset.UTC);
		dsl.insertInto(CLIENT_PREVIOUS_SECRET)
			.set(CLIENT_PREVIOUS_SECRET.CLIENT_ID, clientId)
			.set(CLIENT_PREVIOUS_SECRET.CLIENT_SECRET, secretHash)
			.set(CLIENT_PREVIOUS_SECRET.VALID_UNTIL, validUntil)
			.onDuplicateKeyUpdate()
			.set(CLIENT_PREVIOUS_SECRET.CLIENT_SECRET, secretHash)
			.set(CLIENT_PREVIOUS_SECRET.VALID_UNTIL, validUntil)
			.execute();
	}

	/** Ends the previous secret at once, if one is kept. */
	public void forget(String clientId) {
		dsl.deleteFrom(CLIENT_PREVIOUS_SECRET).where(CLIENT_PREVIOUS_SECRET.CLIENT_ID.eq(clientId)).execute();
	}

	/** The previous secret's hash, while it is still valid at {@code now}. */
	Optional<String> valid(String clientId, Instant now) {
		return dsl.select(CLIENT_PREVIOUS_SECRET.CLIENT_SECRET)
			.from(CLIENT_PREVIOUS_SECRET)
			.where(CLIENT_PREVIOUS_SECRET.CLIENT_ID.eq(clientId))
			.and(CLIENT_PREVIOUS_SECRET.VALID_UNTIL.gt(LocalDateTime.ofInstant(now, ZoneOffset.UTC)))
			.fetchOptional(CLIENT_PREVIOUS_SECRET.CLIENT_SECRET);
	}

	/** Until when the previous secret stays valid, if there is one still valid. */
	public Optional<Instant> validUntil(String clientId, Instant now) {
		return dsl.select(CLIENT_PREVIOUS_SECRET.VALID_UNTIL)
			.from(CLIENT_PREVIOUS_SECRET)
			.where(CLIENT_PREVIOUS_SECRET.CLIENT_ID.eq(clientId))
			.and(CLIENT_PREVIOUS_SECRET.VALID_UNTIL.gt(LocalDateTime.ofInstant(now, ZoneOffset.UTC)))
			.fetchOptional(CLIENT_PREVIOUS_SECRET.VALID_UNTIL)
			.map(time -> time.toInstant(ZoneOffset.UTC));
	}

}
