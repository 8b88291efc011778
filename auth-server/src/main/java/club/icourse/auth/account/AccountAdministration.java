package club.icourse.auth.account;

import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.shared.Role;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts, each action in the audit log (target: the account's
 * subject). An account that does not exist, or was deleted, is unknown to every action.
 */
@Service
public class AccountAdministration {

	private static final int SEARCH_LIMIT = 50;

	/** The longest reason recorded for removing a factor. */
	public static final int REASON_LENGTH = 500;

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final AccountSessions sessions;

	private final MailboxLinks links;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<AccountFactors> factors;

	AccountAdministration(AccountRepository accounts, AccountTokens tokens, AccountSessions sessions,
			MailboxLinks links, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			List<AccountFactors> factors) {
		this.factors = factors;
		this.accounts = accounts;
		this.tokens = tokens;
		this.sessions = sessions;
		this.links = links;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Accounts by email, username or sign-in name (or the start of an email or username).
	 */
	public List<AdministeredAccount> search(String query) {
		return query == null || query.isBlank() ? List.of() : accounts.search(query, SEARCH_LIMIT);
	}

	public AdministeredAccount find(String subject) {
		return accounts.findAdministered(subject).orElseThrow(() -> new UnknownAccountException(subject));
	}

	/**
	 * Switches the account off: it cannot sign in, and its sessions, grants and tokens
	 * end now; sites with back-channel logout are told.
	 */
	@Transactional
	public void disable(Actor admin, String subject) {
		AdministeredAccount found = find(subject);
		if (found.account().subject().equals(admin.id())) {
			throw new AccountAdministrationRefusedException("own-account");
		}
		if (!found.disabled()) {
			accounts.setDisabled(found.account().id(), clock.instant());
			lockOut(found.account());
		}
		audit.record(admin, "account.disabled", subject, found.account().username());
	}

	@Transactional
	public void enable(Actor admin, String subject) {
		AdministeredAccount found = find(subject);
		accounts.setDisabled(found.account().id(), null);
		audit.record(admin, "account.enabled", subject, found.account().username());
	}

	/** Lifts the wait that repeated sign-in failures put on the account. */
	@Transactional
	public void clearBackoff(Actor admin, String subject) {
		AdministeredAccount found = find(subject);
		events.publishEvent(new BackoffCleared(found.account().id()));
		audit.record(admin, "account.backoff-cleared", subject, found.account().username());
	}

	/** Mails a new confirmation link to an account whose address is not confirmed yet. */
	@Transactional
	public void resendConfirmation(Actor admin, String subject) {
		AdministeredAccount found = find(subject);
		if (found.account().emailConfirmed()) {
			throw new AccountAdministrationRefusedException("already-confirmed");
		}
		if (found.disabled()) {
			throw new AccountAdministrationRefusedException("disabled");
		}
		links.sendConfirmation(found.account().id());
		audit.record(admin, "account.confirmation-resent", subject, found.account().username());
	}

	/**
	 * The password stops working (signing in with it answers as a wrong password does),
	 * every session, grant and token ends, and the person is mailed a link to choose a
	 * new one.
	 */
	@Transactional
	public void requireNewPassword(Actor admin, String subject) {
		AdministeredAccount found = find(subject);
		Account account = found.account();
		accounts.clearPassword(account.id());
		tokens.revokeAll(account.id());
		lockOut(account);
		if (!found.disabled()) {
			links.sendPasswordReset(account.email());
		}
		audit.record(admin, "account.password-cleared", subject, account.username());
	}

	@Transactional
	public void grant(Actor admin, String subject, Role role) {
		AdministeredAccount found = find(subject);
		if (role != Role.USER) {
			accounts.grant(found.account().id(), role);
		}
		audit.record(admin, "account.role-granted", subject, found.account().username() + ": " + role.name());
	}

	@Transactional
	public void revoke(Actor admin, String subject, Role role) {
		AdministeredAccount found = find(subject);
		if (role == Role.USER) {
			throw new AccountAdministrationRefusedException("user-role");
		}
		if (role == Role.ADMIN && found.account().subject().equals(admin.id())) {
			throw new AccountAdministrationRefusedException("own-account");
		}
		accounts.revoke(found.account().id(), role);
		audit.record(admin, "account.role-revoked", subject, found.account().username() + ": " + role.name());
	}

	/** The account's factors besides its password: app, recovery codes, passkeys. */
	public List<AccountFactor> factors(String subject) {
		Account account = find(subject).account();
		return factors.stream().flatMap(feature -> feature.of(account).stream()).toList();
	}

	/**
	 * Removes a factor the person lost, after the checks the console states: the
	 * administrator confirms they checked it is the person asking, and records how and
	 * why. The account's sessions end (the lost device may still be signed in); the
	 * person signs in again with what they have left. Not on the administrator's own
	 * account, where it would skip the re-authentication a person's own change needs.
	 */
	@Transactional
	public AccountFactor removeFactor(Actor admin, String subject, String id, String reason, boolean identityChecked) {
		Account account = find(subject).account();
		if (account.subject().equals(admin.id())) {
			throw new AccountAdministrationRefusedException("own-account");
		}
		String why = reason == null ? "" : reason.strip();
		if (!identityChecked || why.isEmpty() || why.length() > REASON_LENGTH) {
			throw new FactorRemovalRefusedException();
		}
		AccountFactor removed = factors.stream()
			.flatMap(feature -> feature.remove(account, id == null ? "" : id).stream())
			.findFirst()
			.orElseThrow(() -> new UnknownFactorException(id));
		sessions.endAllExcept(account.subject(), null);
		audit.record(admin, "account.factor-removed", subject, removed.description() + ": " + why);
		return removed;
	}

	/**
	 * Deletes the account as its owner can: personal data go here and at the sites it
	 * signed in to (the review site keeps reviews and comments as by a deleted user).
	 */
	@Transactional
	public void delete(Actor admin, String subject) {
		AdministeredAccount found = find(subject);
		if (found.account().subject().equals(admin.id())) {
			throw new AccountAdministrationRefusedException("own-account");
		}
		Account account = found.account();
		accounts.anonymize(account.id(), clock.instant());
		sessions.endAllExcept(account.subject(), null);
		events.publishEvent(new AccountDeleted(account.id(), account.subject()));
		audit.record(admin, "account.deleted-by-admin", subject, account.username());
	}

	private void lockOut(Account account) {
		sessions.endAllExcept(account.subject(), null);
		events.publishEvent(new AccountLockedOut(account.id(), account.subject()));
	}

}
