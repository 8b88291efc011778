package club.icourse.auth.account;

import club.icourse.mail.MailOutbox;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links people receive by mail: to confirm their address, and to reset their
 * password. Asking for one answers the same whether or not an account has the address.
 */
@RetriedWhenRolledBack
@Service
class MailboxLinks {

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final MailOutbox mail;

	private final AccountProperties properties;

	private final Clock clock;

	MailboxLinks(AccountRepository accounts, AccountTokens tokens, MailOutbox mail, AccountProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	void sendConfirmation(long accountId) {
		accounts.findById(accountId).filter(account -> !account.emailConfirmed()).ifPresent(account -> {
			String token = tokens.issue(account.id(), AccountTokens.Purpose.CONFIRM_EMAIL,
					properties.confirmationValidity(), clock.instant());
			mail.enqueue(account.email(), account.locale(), "confirm-email",
					Map.of("username", account.username(), "link", properties.link("/confirm?token=" + token)));
		});
	}

	/**
	 * Mails a new confirmation link if the address belongs to an account that still needs
	 * one.
	 */
	@Transactional
	void resendConfirmation(String email) {
		accounts.findByEmail(normalized(email)).ifPresent(account -> sendConfirmation(account.id()));
	}

	/** Mails a reset link if the address belongs to an account. */
	@Transactional
	void sendPasswordReset(String email) {
		accounts.findByEmail(normalized(email)).ifPresent(account -> {
			String token = tokens.issue(account.id(), AccountTokens.Purpose.RESET_PASSWORD, properties.resetValidity(),
					clock.instant());
			mail.enqueue(account.email(), account.locale(), "reset-password",
					Map.of("username", account.username(), "link", properties.link("/password/reset?token=" + token)));
		});
	}

	/**
	 * Tells the owner of an address that someone tried to register it again, and how to
	 * get back in.
	 */
	void tellOwnerOfRegistrationAttempt(String address) {
		accounts.findByEmail(address)
			.ifPresent(owner -> mail.enqueue(owner.email(), owner.locale(), "registration-attempt",
					Map.of("username", owner.username(), "link", properties.link("/password/forgot"))));
	}

	/**
	 * Uses a confirmation link: the address is confirmed and the account returned, to be
	 * signed in.
	 */
	@Transactional
	Result<Account> confirm(String token) {
		Instant now = clock.instant();
		AccountTokens.Check check = tokens.consume(AccountTokens.Purpose.CONFIRM_EMAIL, token, now);
		if (!check.valid()) {
			return Result.refused(check.state());
		}
		accounts.confirmEmail(check.accountId(), now);
		return accounts.findById(check.accountId())
			.map(Result::ok)
			.orElseGet(() -> Result.refused(AccountTokens.State.UNKNOWN));
	}

	AccountTokens.State check(AccountTokens.Purpose purpose, String token) {
		return tokens.check(purpose, token, clock.instant()).state();
	}

	private static String normalized(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** An account, or why a link was refused. */
	record Result<T>(Optional<T> value, AccountTokens.State refusal) {

		static <T> Result<T> ok(T value) {
			return new Result<>(Optional.of(value), AccountTokens.State.VALID);
		}

		static <T> Result<T> refused(AccountTokens.State state) {
			return new Result<>(Optional.empty(), state);
		}
	}

}
