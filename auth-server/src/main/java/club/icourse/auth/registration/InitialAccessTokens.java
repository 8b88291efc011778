package club.icourse.auth.registration;

import static club.icourse.db.auth.Tables.REGISTRATION_INITIAL_TOKEN;

import club.icourse.auth.account.AccountDeleted;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.oauth.ClientSecrets;
import club.icourse.auth.system.Sha256;
import club.icourse.db.auth.tables.records.RegistrationInitialTokenRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists, revokes and redeems the initial access tokens that open the registration
 * endpoint. A token's value is 256 random bits, shown once; only its SHA-256 is kept.
 * Every issue and revocation is in the audit log (target
 * {@code registration-token:<id>}).
 */
@Service
public class InitialAccessTokens {

	/**
	 * What the issuer asks for.
	 *
	 * @param ownerSubject the account that will own every client registered with it
	 * @param validFor how long it opens the endpoint (1 minute to 90 days)
	 * @param maxUses how many registrations (1 to 1000), or {@code null} for any number
	 */
	public record Request(String ownerSubject, Duration validFor, Integer maxUses, boolean approveAtOnce,
			boolean withoutPkce, String note) {

		/** What the developer portal issues to a person for their own apps. */
		public static Request forOwner(String ownerSubject, Duration validFor, Integer maxUses, String note) {
			return new Request(ownerSubject, validFor, maxUses, false, false, note);
		}
	}

	static final Duration MAX_VALIDITY = Duration.ofDays(90);

	private static final int MAX_USES = 1000;

	private static final int MAX_NOTE = 200;

	private final DSLContext dsl;

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	InitialAccessTokens(DSLContext dsl, AccountRepository accounts, AuditLog audit, Clock clock) {
		this.dsl = dsl;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issue(Request request, Actor issuer) {
		List<RegistrationProblem> problems = new ArrayList<>();
		if (request.ownerSubject() == null || accounts.findBySubject(request.ownerSubject()).isEmpty()) {
			problems.add(new RegistrationProblem("ownerSubject", "owner"));
		}
		if (request.validFor() == null || request.validFor().compareTo(Duration.ofMinutes(1)) < 0
				|| request.validFor().compareTo(MAX_VALIDITY) > 0) {
			problems.add(new RegistrationProblem("validForHours", "validity"));
		}
		if (request.maxUses() != null && (request.maxUses() < 1 || request.maxUses() > MAX_USES)) {
			problems.add(new RegistrationProblem("maxUses", "max-uses"));
		}
		String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
		if (note != null && note.length() > MAX_NOTE) {
			problems.add(new RegistrationProblem("note", "note"));
		}
		if (!problems.isEmpty()) {
			throw new InitialTokenRefusedException(problems);
		}
		String value = ClientSecrets.generate();
		Instant now = clock.instant();
		RegistrationInitialTokenRecord row = dsl.newRecord(REGISTRATION_INITIAL_TOKEN);
		row.setTokenHash(hash(value));
		row.setOwnerSubject(request.ownerSubject());
		row.setIssuedBy(issuer.id());
		row.setIssuedAt(utc(now));
		row.setExpiresAt(utc(now.plus(request.validFor())));
		row.setMaxUses(request.maxUses());
		row.setUses(0);
		row.setApproveAtOnce(flag(request.approveAtOnce()));
		row.setWithoutPkce(flag(request.withoutPkce()));
		row.setNote(note);
		row.store();
		InitialAccessToken token = token(row);
		audit.record(issuer, "registration-token.issued", target(token.id()),
				"owner: %s; expires: %s; max uses: %s; approve at once: %s; without PKCE: %s; note: %s".formatted(
						token.ownerSubject(), token.expiresAt(), token.maxUses() == null ? "any" : token.maxUses(),
						token.approveAtOnce(), token.withoutPkce(), note));
		return new IssuedToken(value, token);
	}

	/** The newest first. */
	public List<InitialAccessToken> all() {
		return dsl.selectFrom(REGISTRATION_INITIAL_TOKEN)
			.orderBy(REGISTRATION_INITIAL_TOKEN.ID.desc())
			.limit(500)
			.fetch(InitialAccessTokens::token);
	}

	/** The tokens the account owns, newest first (for the developer portal). */
	public List<InitialAccessToken> ownedBy(String ownerSubject) {
		return dsl.selectFrom(REGISTRATION_INITIAL_TOKEN)
			.where(REGISTRATION_INITIAL_TOKEN.OWNER_SUBJECT.eq(ownerSubject))
			.orderBy(REGISTRATION_INITIAL_TOKEN.ID.desc())
			.fetch(InitialAccessTokens::token);
	}

	public Optional<InitialAccessToken> find(long id) {
		return dsl.selectFrom(REGISTRATION_INITIAL_TOKEN)
			.where(REGISTRATION_INITIAL_TOKEN.ID.eq(id))
			.fetchOptional(InitialAccessTokens::token);
	}

	/** Revokes a token; revoking one twice changes nothing the second time. */
	@Transactional
	public void revoke(long id, Actor actor) {
		int changed = dsl.update(REGISTRATION_INITIAL_TOKEN)
			.set(REGISTRATION_INITIAL_TOKEN.REVOKED_AT, utc(clock.instant()))
			.where(REGISTRATION_INITIAL_TOKEN.ID.eq(id))
			.and(REGISTRATION_INITIAL_TOKEN.REVOKED_AT.isNull())
			.execute();
		if (changed > 0) {
			audit.record(actor, "registration-token.revoked", target(id), null);
		}
	}

	/**
	 * A deleted account's tokens stop opening the endpoint: apps registered with them
	 * would belong to nobody.
	 */
	@EventListener
	void onAccountDeleted(AccountDeleted deleted) {
		List<Long> open = dsl.select(REGISTRATION_INITIAL_TOKEN.ID)
			.from(REGISTRATION_INITIAL_TOKEN)
			.where(REGISTRATION_INITIAL_TOKEN.OWNER_SUBJECT.eq(deleted.subject()))
			.and(REGISTRATION_INITIAL_TOKEN.REVOKED_AT.isNull())
			.fetch(REGISTRATION_INITIAL_TOKEN.ID);
		for (long id : open) {
			revoke(id, Actor.SYSTEM);
		}
	}

	/**
	 * Spends one use of the token with this value, in the caller's transaction (a refused
	 * registration rolls the use back); empty if there is no such token or it is spent,
	 * expired or revoked.
	 */
	Optional<InitialAccessToken> redeem(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		Optional<RegistrationInitialTokenRecord> row = dsl.selectFrom(REGISTRATION_INITIAL_TOKEN)
			.where(REGISTRATION_INITIAL_TOKEN.TOKEN_HASH.eq(hash(value)))
			.forUpdate()
			.fetchOptional();
		Instant now = clock.instant();
		if (row.isEmpty() || !token(row.get()).usableAt(now)) {
			return Optional.empty();
		}
		row.get().setUses(row.get().getUses() + 1);
		row.get().store();
		return Optional.of(token(row.get()));
	}

	static String hash(String value) {
		return HexFormat.of().formatHex(Sha256.of(value));
	}

	static String target(long id) {
		return "registration-token:" + id;
	}

	private static InitialAccessToken token(RegistrationInitialTokenRecord row) {
		return new InitialAccessToken(row.getId(), row.getOwnerSubject(), row.getIssuedBy(), instant(row.getIssuedAt()),
				instant(row.getExpiresAt()), row.getMaxUses(), row.getUses(), flag(row.getApproveAtOnce()),
				flag(row.getWithoutPkce()), row.getNote(), instant(row.getRevokedAt()));
	}

	private static Byte flag(boolean value) {
		return (byte) (value ? 1 : 0);
	}

	private static boolean flag(Byte value) {
		return value != null && value != 0;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDateTime time) {
		return time == null ? null : time.toInstant(ZoneOffset.UTC);
	}

}
