package club.icourse.reviewapp.notification;

import static club.icourse.db.review.Tables.PERSON;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The secret in the address of a person's private notification feed (256 random bits). It
 * grants reading that feed and nothing else, so feed readers can fetch it without a
 * session; resetting it retires the old address.
 */
@Repository
public class FeedTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext dsl;

	FeedTokens(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The person's token, made on first use. */
	public String of(long personId) {
		String token = dsl.select(PERSON.FEED_TOKEN)
			.from(PERSON)
			.where(PERSON.ID.eq(personId))
			.fetchOne(PERSON.FEED_TOKEN);
		return token != null ? token : reset(personId);
	}

	public String reset(long personId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		dsl.update(PERSON).set(PERSON.FEED_TOKEN, token).where(PERSON.ID.eq(personId)).execute();
		return token;
	}

	public Optional<Long> owner(String token) {
		if (token == null || token.length() != 43) {
			return Optional.empty();
		}
		return dsl.select(PERSON.ID).from(PERSON).where(PERSON.FEED_TOKEN.eq(token)).fetchOptional(PERSON.ID);
	}

}
