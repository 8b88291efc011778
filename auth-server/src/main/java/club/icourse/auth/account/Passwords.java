package club.icourse.auth.account;

import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting a new password (by a reset link or on the account page) and deleting an
 * account, which asks for it.
 */
@RetriedWhenRolledBack
@Service
class Passwords {

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AccountSessions sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Passwords(AccountRepository accounts, AccountTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
			AccountSessions sessions, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.policy = policy;
		this.encoder = encoder;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sets the password chosen on the reset page; the link is used up, the address counts
	 * as confirmed (the person read the mail), and every session of the account ends.
	 * @throws AccountRefusedException if the policy does not allow the password (the link
	 * stays valid)
	 */
	@Transactional
	AccountTokens.State reset(String token, String newPassword) {
		Instant now = clock.instant();
		AccountTokens.Check check = tokens.check(AccountTokens.Purpose.RESET_PASSWORD, token, now);
		if (!check.valid()) {
			return check.state();
		}
		Account account = accounts.findById(check.accountId()).orElse(null);
		if (account == null) {
			return AccountTokens.State.UNKNOWN;
		}
		checkPolicy(account, newPassword);
		AccountTokens.Check used = tokens.consume(AccountTokens.Purpose.RESET_PASSWORD, token, now);
		if (!used.valid()) {
			return used.state();
		}
		accounts.updatePasswordHash(account.id(), encoder.encode(newPassword), now);
		accounts.confirmEmail(account.id(), now);
		tokens.revokeAll(account.id());
		sessions.endAllExcept(account.subject(), null);
		return AccountTokens.State.VALID;
	}

	/**
	 * Changes the password of a signed-in person who knows the current one; their other
	 * sessions end.
	 * @throws AccountRefusedException if the current password is wrong or the policy does
	 * not allow the new one
	 */
	@Transactional
	void change(String subject, String currentPassword, String newPassword, String currentSessionId) {
		Account account = accounts.findBySubject(subject).orElseThrow();
		if (!matches(account, currentPassword)) {
			throw new AccountRefusedException("currentPassword", "password.current-wrong");
		}
		checkPolicy(account, newPassword);
		accounts.updatePasswordHash(account.id(), encoder.encode(newPassword), clock.instant());
		tokens.revokeAll(account.id());
		sessions.endAllExcept(account.subject(), currentSessionId);
	}

	/**
	 * Deletes the account of a person who confirmed with their password: personal data go
	 * (here, and in the features that listen to {@link AccountDeleted}), sessions end.
	 * @throws AccountRefusedException if the password is wrong
	 */
	@Transactional
	void delete(String subject, String password) {
		Account account = accounts.findBySubject(subject).orElseThrow();
		if (!matches(account, password)) {
			throw new AccountRefusedException("password", "account.delete.refused");
		}
		accounts.anonymize(account.id(), clock.instant());
		sessions.endAllExcept(account.subject(), null);
		events.publishEvent(new AccountDeleted(account.id(), account.subject()));
	}

	private boolean matches(Account account, String password) {
		return password != null
				&& accounts.passwordHash(account.id()).map(hash -> encoder.matches(password, hash)).orElse(false);
	}

	/**
	 * Refuses a new password the policy does not allow; the check comes before any
	 * change.
	 */
	private void checkPolicy(Account account, String newPassword) {
		String mailbox = account.email() == null ? "" : account.email().substring(0, account.email().indexOf('@'));
		policy.check(newPassword, account.username(), mailbox).ifPresent(problem -> {
			throw new AccountRefusedException("newPassword", problem.messageKey());
		});
	}

}
