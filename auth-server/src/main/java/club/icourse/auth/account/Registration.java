package club.icourse.auth.account;

import club.icourse.shared.Role;
import club.icourse.shared.account.UsernameCheck;
import club.icourse.shared.account.UsernamePolicy;
import club.icourse.shared.school.SchoolDirectory;
import club.icourse.shared.school.UniversityEmail;
import club.icourse.web.retry.RetriedWhenRolledBack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration with a university mailbox. A taken address answers exactly like a new one
 * (the owner is told by mail instead), so the form cannot be used to find out who has an
 * account.
 */
@RetriedWhenRolledBack
@Service
class Registration {

	private final AccountRepository accounts;

	private final MailboxLinks links;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final AccountProperties properties;

	private final SchoolDirectory schools;

	private final UsernamePolicy usernames;

	private final Clock clock;

	private final Counter registered;

	Registration(AccountRepository accounts, MailboxLinks links, PasswordPolicy passwordPolicy,
			PasswordEncoder passwordEncoder, AccountProperties properties, Clock clock, MeterRegistry meters) {
		this.registered = meters.counter("icourse.registrations");
		this.accounts = accounts;
		this.links = links;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		this.schools = properties.schoolDirectory();
		this.usernames = properties.usernamePolicy();
		this.clock = clock;
	}

	/**
	 * Registers, or refuses with every problem of the form; nothing is stored when it
	 * refuses.
	 * @throws AccountRefusedException with the problems, by form field
	 */
	@Transactional
	void register(RegistrationForm form, Locale locale) {
		List<AccountProblem> problems = new ArrayList<>();
		Optional<UniversityEmail> email = schools.classify(form.email());
		if (email.isEmpty()) {
			problems.add(new AccountProblem("email", "register.email.not-university"));
		}
		UsernameCheck username = usernames.check(form.username());
		if (!username.ok()) {
			problems.add(new AccountProblem("username", usernameMessageKey(username)));
		}
		else if (accounts.usernameKeyTaken(UsernamePolicy.canonicalKey(username.username()))) {
			problems.add(new AccountProblem("username", "username.taken"));
		}
		String mailbox = email.map(UniversityEmail::localPart).orElse("");
		passwordPolicy.check(form.password(), form.username(), mailbox)
			.ifPresent(problem -> problems.add(new AccountProblem("password", problem.messageKey())));
		if (!problems.isEmpty()) {
			throw new AccountRefusedException(problems);
		}
		// Hash before looking at the address, so that a taken address costs the same time
		// as a new one.
		String passwordHash = passwordEncoder.encode(form.password());
		String address = email.get().address();
		Instant now = clock.instant();
		if (accounts.emailTaken(address)) {
			links.tellOwnerOfRegistrationAttempt(address);
			return;
		}
		try {
			long id = accounts.insert(new NewAccount(Subjects.next(), username.username(),
					UsernamePolicy.canonicalKey(username.username()), address, email.get().school().id(),
					email.get().affiliation(), passwordHash, locale), now);
			if (properties.admins().contains(address)) {
				accounts.grant(id, Role.ADMIN);
			}
			links.sendConfirmation(id);
			registered.increment();
		}
		catch (DuplicateKeyException raced) {
			// Another registration took the name or the address a moment ago.
			if (accounts.emailTaken(address)) {
				links.tellOwnerOfRegistrationAttempt(address);
			}
			else {
				throw new AccountRefusedException("username", "username.taken");
			}
		}
	}

	static String usernameMessageKey(UsernameCheck refused) {
		return "username." + refused.problem().name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
