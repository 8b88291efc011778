package club.icourse.auth.totp;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountDeleted;
import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.system.KeyEncryption;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's TOTP factor: enrolment confirmed by a first code, the check of a code or a
 * recovery code at sign-in, new recovery codes, and removal. Every change is in the audit
 * log.
 */
@RetriedWhenRolledBack
@Service
class TotpService {

	/** What a code typed at the second step turned out to be. */
	enum Verdict {

		ACCEPTED, ACCEPTED_RECOVERY_CODE, WRONG, REPLAYED;

		boolean accepted() {
			return this == ACCEPTED || this == ACCEPTED_RECOVERY_CODE;
		}

	}

	/** A started enrolment: what the person copies into their app. */
	record Enrolment(String secret, String uri) {
	}

	private static final String ISSUER = "iCourse ID";

	private static final int SECRET_BYTES = 20;

	/** One step either side: the phone's clock may be a little off. */
	private static final int SKEW_STEPS = 1;

	private final TotpFactors factors;

	private final RecoveryCodes recoveryCodes;

	private final KeyEncryption encryption;

	private final AuditLog audit;

	private final Actors actors;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	TotpService(TotpFactors factors, RecoveryCodes recoveryCodes,
			@Value("${icourse.oidc.key-encryption-secret:}") String keyEncryptionSecret, AuditLog audit, Actors actors,
			Clock clock) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.encryption = new KeyEncryption(keyEncryptionSecret);
		this.audit = audit;
		this.actors = actors;
		this.clock = clock;
	}

	boolean enrolled(Account account) {
		return factors.confirmed(account.id());
	}

	int recoveryCodesLeft(Account account) {
		return recoveryCodes.remaining(account.id());
	}

	/** A new secret for the person's app, or empty when a confirmed factor exists. */
	@Transactional
	Optional<Enrolment> startEnrolment(Account account) {
		byte[] secret = new byte[SECRET_BYTES];
		random.nextBytes(secret);
		if (!factors.startEnrolment(account.id(), encryption.encrypt(secret), clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(enrolment(account, secret));
	}

	/** The enrolment waiting for its first code, shown again (after a wrong code). */
	Optional<Enrolment> pendingEnrolment(Account account) {
		return factors.find(account.id())
			.filter(stored -> !stored.confirmed())
			.map(stored -> enrolment(account, encryption.decrypt(stored.encryptedSecret())));
	}

	/**
	 * Confirms the enrolment with a first code from the app; the recovery codes to show
	 * once, or empty when the code is not right.
	 */
	@Transactional
	Optional<List<String>> confirm(Account account, String code) {
		Optional<TotpFactors.Stored> pending = factors.find(account.id()).filter(stored -> !stored.confirmed());
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Long> step = matchingStep(encryption.decrypt(pending.get().encryptedSecret()), code, now);
		if (step.isEmpty() || !factors.claimStep(account.id(), step.get(), true, now)) {
			return Optional.empty();
		}
		audit.record(actors.person(account.subject()), "totp.enrolled", account.subject(), null);
		return Optional.of(recoveryCodes.replace(account.id(), now));
	}

	/** The check at the second step: a TOTP code, once, or an unused recovery code. */
	@Transactional
	Verdict verify(Account account, String code) {
		Instant now = clock.instant();
		if (RecoveryCodes.looksLikeOne(code)) {
			if (!factors.confirmed(account.id()) || !recoveryCodes.use(account.id(), code, now)) {
				return Verdict.WRONG;
			}
			audit.record(actors.person(account.subject()), "totp.recovery-code-used", account.subject(),
					recoveryCodes.remaining(account.id()) + " left");
			return Verdict.ACCEPTED_RECOVERY_CODE;
		}
		Optional<TotpFactors.Stored> stored = factors.find(account.id()).filter(TotpFactors.Stored::confirmed);
		if (stored.isEmpty()) {
			return Verdict.WRONG;
		}
		Optional<Long> step = matchingStep(encryption.decrypt(stored.get().encryptedSecret()), code, now);
		if (step.isEmpty()) {
			return Verdict.WRONG;
		}
		return factors.claimStep(account.id(), step.get(), false, now) ? Verdict.ACCEPTED : Verdict.REPLAYED;
	}

	@Transactional
	List<String> regenerateRecoveryCodes(Account account) {
		audit.record(actors.person(account.subject()), "totp.recovery-codes-regenerated", account.subject(), null);
		return recoveryCodes.replace(account.id(), clock.instant());
	}

	@Transactional
	void remove(Account account) {
		if (factors.remove(account.id())) {
			audit.record(actors.person(account.subject()), "totp.removed", account.subject(), null);
		}
		recoveryCodes.forget(account.id());
	}

	/** In the deleting transaction, as the rest of the deletion. */
	@EventListener
	void onAccountDeleted(AccountDeleted deleted) {
		factors.remove(deleted.accountId());
		recoveryCodes.forget(deleted.accountId());
	}

	/** The newest step within the allowed skew whose code is the one typed. */
	private static Optional<Long> matchingStep(byte[] secret, String typed, Instant now) {
		String code = typed == null ? "" : typed.replaceAll("\\s", "");
		if (!code.matches("\\d{" + Totp.DIGITS + "}")) {
			return Optional.empty();
		}
		long current = Totp.step(now);
		for (long step = current + SKEW_STEPS; step >= current - SKEW_STEPS; step--) {
			if (MessageDigest.isEqual(Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private static Enrolment enrolment(Account account, byte[] secret) {
		String base32 = Totp.base32(secret);
		String label = encode(ISSUER + ":" + account.username());
		String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new Enrolment(base32, uri);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
