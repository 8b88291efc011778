package club.icourse.auth.account;

import static club.icourse.auth.account.AccountRepository.instant;
import static club.icourse.auth.account.AccountRepository.utc;
import static club.icourse.db.auth.Tables.ACCOUNT_TOKEN;

import club.icourse.auth.system.Sha256;
import club.icourse.db.auth.tables.records.AccountTokenRecord;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The single-use links mailed to people: 256 random bits, kept only as a SHA-256,
 * expiring, and for each account and purpose only the newest one works.
 */
@Repository
class AccountTokens {

	enum Purpose {

		CONFIRM_EMAIL, RESET_PASSWORD

	}

	enum State {

		VALID, UNKNOWN, USED, EXPIRED

	}

	record Check(State state, long accountId) {

		static final Check UNKNOWN = new Check(State.UNKNOWN, 0);

		boolean valid() {
			return state == State.VALID;
		}
	}

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final DSLContext dsl;

	AccountTokens(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A new token for the account; earlier unused ones of the same purpose stop working.
	 */
	String issue(long accountId, Purpose purpose, Duration validity, Instant now) {
		dsl.deleteFrom(ACCOUNT_TOKEN)
			.where(ACCOUNT_TOKEN.ACCOUNT_ID.eq(accountId))
			.and(ACCOUNT_TOKEN.PURPOSE.eq(purpose.name()))
			.and(ACCOUNT_TOKEN.USED_AT.isNull())
			.execute();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		dsl.insertInto(ACCOUNT_TOKEN)
			.set(ACCOUNT_TOKEN.ACCOUNT_ID, accountId)
			.set(ACCOUNT_TOKEN.PURPOSE, purpose.name())
			.set(ACCOUNT_TOKEN.TOKEN_HASH, hash(token))
			.set(ACCOUNT_TOKEN.CREATED_AT, utc(now))
			.set(ACCOUNT_TOKEN.EXPIRES_AT, utc(now.plus(validity)))
			.execute();
		return token;
	}

	/**
	 * What the token is worth, without using it (for the page that asks the person to go
	 * on).
	 */
	Check check(Purpose purpose, String token, Instant now) {
		return find(purpose, token, false).map(row -> stateOf(row, now)).orElse(Check.UNKNOWN);
	}

	/** Uses the token if it is valid; call inside the transaction that acts on it. */
	Check consume(Purpose purpose, String token, Instant now) {
		Optional<AccountTokenRecord> row = find(purpose, token, true);
		if (row.isEmpty()) {
			return Check.UNKNOWN;
		}
		Check check = stateOf(row.get(), now);
		if (check.valid()) {
			dsl.update(ACCOUNT_TOKEN)
				.set(ACCOUNT_TOKEN.USED_AT, utc(now))
				.where(ACCOUNT_TOKEN.ID.eq(row.get().getId()))
				.execute();
		}
		return check;
	}

	/** Every unused token of the account stops working (after a password change, say). */
	void revokeAll(long accountId) {
		dsl.deleteFrom(ACCOUNT_TOKEN)
			.where(ACCOUNT_TOKEN.ACCOUNT_ID.eq(accountId))
			.and(ACCOUNT_TOKEN.USED_AT.isNull())
			.execute();
	}

	private Optional<AccountTokenRecord> find(Purpose purpose, String token, boolean lock) {
		if (token == null || !WELL_FORMED.matcher(token).matches()) {
			return Optional.empty();
		}
		var query = dsl.selectFrom(ACCOUNT_TOKEN)
			.where(ACCOUNT_TOKEN.TOKEN_HASH.eq(hash(token)))
			.and(ACCOUNT_TOKEN.PURPOSE.eq(purpose.name()));
		return lock ? query.forUpdate().fetchOptional() : query.fetchOptional();
	}

	private static Check stateOf(AccountTokenRecord row, Instant now) {
		if (row.getUsedAt() != null) {
			return new Check(State.USED, row.getAccountId());
		}
		if (!instant(row.getExpiresAt()).isAfter(now)) {
			return new Check(State.EXPIRED, row.getAccountId());
		}
		return new Check(State.VALID, row.getAccountId());
	}

	private static byte[] hash(String token) {
		return Sha256.of(token);
	}

}
