package club.icourse.auth.totp;

import static club.icourse.db.auth.Tables.TOTP_FACTOR;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The TOTP factor of each account, its secret as stored (encrypted). */
@Repository
class TotpFactors {

	/** A factor as stored; not confirmed while its enrolment waits for a first code. */
	record Stored(byte[] encryptedSecret, boolean confirmed, long lastUsedStep) {
	}

	private final DSLContext dsl;

	TotpFactors(DSLContext dsl) {
		this.dsl = dsl;
	}

	Optional<Stored> find(long accountId) {
		return dsl.select(TOTP_FACTOR.SECRET_ENCRYPTED, TOTP_FACTOR.CONFIRMED_AT, TOTP_FACTOR.LAST_USED_STEP)
			.from(TOTP_FACTOR)
			.where(TOTP_FACTOR.ACCOUNT_ID.eq(accountId))
			.fetchOptional(row -> new Stored(row.value1(), row.value2() != null, row.value3()));
	}

	boolean confirmed(long accountId) {
		return dsl.fetchExists(TOTP_FACTOR,
				TOTP_FACTOR.ACCOUNT_ID.eq(accountId).and(TOTP_FACTOR.CONFIRMED_AT.isNotNull()));
	}

	/**
	 * When the factor was confirmed; empty while there is none, or it waits for a code.
	 */
	Optional<Instant> confirmedAt(long accountId) {
		return dsl.select(TOTP_FACTOR.CONFIRMED_AT)
			.from(TOTP_FACTOR)
			.where(TOTP_FACTOR.ACCOUNT_ID.eq(accountId))
			.and(TOTP_FACTOR.CONFIRMED_AT.isNotNull())
			.fetchOptional(row -> row.value1().toInstant(ZoneOffset.UTC));
	}

	/** A new enrolment replaces one not confirmed; a confirmed factor stays (false). */
	boolean startEnrolment(long accountId, byte[] encryptedSecret, Instant now) {
		dsl.deleteFrom(TOTP_FACTOR)
			.where(TOTP_FACTOR.ACCOUNT_ID.eq(accountId))
			.and(TOTP_FACTOR.CONFIRMED_AT.isNull())
			.execute();
		return dsl.insertInto(TOTP_FACTOR)
			.set(TOTP_FACTOR.ACCOUNT_ID, accountId)
			.set(TOTP_FACTOR.SECRET_ENCRYPTED, encryptedSecret)
			.set(TOTP_FACTOR.CREATED_AT, utc(now))
			.set(TOTP_FACTOR.LAST_USED_STEP, 0L)
			.onDuplicateKeyIgnore()
			.execute() == 1;
	}

	/**
	 * Takes a time step for an accepted code, once: false when that step or a later one
	 * was already used (a replayed code).
	 */
	boolean claimStep(long accountId, long step, boolean confirming, Instant now) {
		var update = dsl.update(TOTP_FACTOR).set(TOTP_FACTOR.LAST_USED_STEP, step);
		if (confirming) {
			update = update.set(TOTP_FACTOR.CONFIRMED_AT, utc(now));
		}
		return update.where(TOTP_FACTOR.ACCOUNT_ID.eq(accountId))
			.and(TOTP_FACTOR.LAST_USED_STEP.lt(step))
			.and(confirming ? TOTP_FACTOR.CONFIRMED_AT.isNull() : TOTP_FACTOR.CONFIRMED_AT.isNotNull())
			.execute() == 1;
	}

	boolean remove(long accountId) {
		return dsl.deleteFrom(TOTP_FACTOR).where(TOTP_FACTOR.ACCOUNT_ID.eq(accountId)).execute() > 0;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
