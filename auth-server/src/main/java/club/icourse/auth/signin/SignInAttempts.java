package club.icourse.auth.signin;

import static club.icourse.db.auth.Tables.SIGN_IN_ATTEMPT;

import club.icourse.auth.system.Sha256;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The sign-in history: every attempt, with account (when known), time, address, browser
 * and outcome.
 */
@Repository
public class SignInAttempts {

	private static final int USER_AGENT_LENGTH = 255;

	/** One line of a person's sign-in history. */
	public record Entry(Instant at, String ip, String userAgent, SignInOutcome outcome) {

		/** "Chrome 156 / Windows" rather than the whole header. */
		public String browser() {
			return BrowserSummary.of(userAgent);
		}
	}

	/** Failures since the last success, and when the latest was. */
	record Failures(int count, Instant latest) {
	}

	private final DSLContext dsl;

	SignInAttempts(DSLContext dsl) {
		this.dsl = dsl;
	}

	void record(Long accountId, String signInName, String ip, String userAgent, SignInOutcome outcome, Instant at) {
		dsl.insertInto(SIGN_IN_ATTEMPT)
			.set(SIGN_IN_ATTEMPT.ACCOUNT_ID, accountId)
			.set(SIGN_IN_ATTEMPT.IDENTIFIER_HASH, identifierHash(signInName))
			.set(SIGN_IN_ATTEMPT.ATTEMPTED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.set(SIGN_IN_ATTEMPT.IP, ip)
			.set(SIGN_IN_ATTEMPT.USER_AGENT,
					userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_LENGTH)))
			.set(SIGN_IN_ATTEMPT.OUTCOME, outcome.name())
			.execute();
	}

	/** The latest attempts on an account, newest first. */
	public List<Entry> latest(long accountId, int limit) {
		return dsl
			.select(SIGN_IN_ATTEMPT.ATTEMPTED_AT, SIGN_IN_ATTEMPT.IP, SIGN_IN_ATTEMPT.USER_AGENT,
					SIGN_IN_ATTEMPT.OUTCOME)
			.from(SIGN_IN_ATTEMPT)
			.where(SIGN_IN_ATTEMPT.ACCOUNT_ID.eq(accountId))
			.orderBy(SIGN_IN_ATTEMPT.ATTEMPTED_AT.desc(), SIGN_IN_ATTEMPT.ID.desc())
			.limit(limit)
			.fetch(row -> new Entry(row.value1().toInstant(ZoneOffset.UTC), row.value2(), row.value3(),
					SignInOutcome.valueOf(row.value4())));
	}

	/**
	 * Failed attempts (wrong passwords, refused passkeys, wrong codes) about this subject
	 * since its last success (by password or passkey) (looking back no further than
	 * {@code since}): every attempt on the account, whatever name was typed, or for a
	 * name that resolves to no account, every attempt with a name that folds to it.
	 */
	Failures failuresSinceLastSuccess(SignInSubject subject, Instant since) {
		Condition about = subject.accountId() != null ? SIGN_IN_ATTEMPT.ACCOUNT_ID.eq(subject.accountId())
				: SIGN_IN_ATTEMPT.IDENTIFIER_HASH.eq(identifierHash(subject.canonicalName()));
		LocalDateTime from = LocalDateTime.ofInstant(since, ZoneOffset.UTC);
		// One statement: the last success is a scalar subquery of the count.
		Field<LocalDateTime> lastSuccess = DSL.field(DSL.select(DSL.max(SIGN_IN_ATTEMPT.ATTEMPTED_AT))
			.from(SIGN_IN_ATTEMPT)
			.where(about)
			.and(SIGN_IN_ATTEMPT.ATTEMPTED_AT.ge(from))
			.and(SIGN_IN_ATTEMPT.OUTCOME.in(SignInOutcome.SUCCESS.name(), SignInOutcome.SUCCESS_BY_PASSKEY.name(),
					SignInOutcome.BACKOFF_CLEARED.name())));
		var row = dsl.select(DSL.count(), DSL.max(SIGN_IN_ATTEMPT.ATTEMPTED_AT))
			.from(SIGN_IN_ATTEMPT)
			.where(about)
			.and(SIGN_IN_ATTEMPT.ATTEMPTED_AT.ge(DSL.coalesce(lastSuccess, DSL.val(from))))
			.and(SIGN_IN_ATTEMPT.OUTCOME.in(SignInOutcome.BAD_CREDENTIALS.name(), SignInOutcome.PASSKEY_REFUSED.name(),
					SignInOutcome.BAD_CODE.name()))
			.fetchSingle();
		return new Failures(row.value1(), row.value2() == null ? null : row.value2().toInstant(ZoneOffset.UTC));
	}

	/** Removes an account's history (its addresses and browsers are personal data). */
	public void forget(long accountId) {
		dsl.deleteFrom(SIGN_IN_ATTEMPT).where(SIGN_IN_ATTEMPT.ACCOUNT_ID.eq(accountId)).execute();
	}

	private static byte[] identifierHash(String signInName) {
		return Sha256.of(SignInNames.canonical(signInName));
	}

}
