package club.icourse.auth.account;

import club.icourse.shared.Affiliation;
import club.icourse.shared.Role;
import club.icourse.shared.account.UsernamePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student, a teacher and an administrator with confirmed addresses, for trying the
 * product at once. Only in the local run (profile {@code local}, which sets the
 * password); never in production.
 */
@Component
@Profile("local")
@ConditionalOnProperty("icourse.demo.password")
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	record Demo(String email, String username, Affiliation affiliation, Role role) {
	}

	static final List<Demo> PEOPLE = List.of(
			new Demo("student@mail.ustc.edu.cn", "demo-student", Affiliation.STUDENT, Role.USER),
			new Demo("teacher@ustc.edu.cn", "demo-teacher", Affiliation.TEACHER, Role.USER),
			new Demo("admin@ustc.edu.cn", "demo-admin", Affiliation.TEACHER, Role.ADMIN));

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final String password;

	DemoAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock, Environment environment) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.password = environment.getRequiredProperty("icourse.demo.password");
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		Instant now = clock.instant();
		for (Demo demo : PEOPLE) {
			if (accounts.emailTaken(demo.email())) {
				continue;
			}
			long id = accounts.insert(new NewAccount(Subjects.next(), demo.username(),
					UsernamePolicy.canonicalKey(demo.username()), demo.email(), "ustc", demo.affiliation(),
					passwordEncoder.encode(password), Locale.SIMPLIFIED_CHINESE), now);
			accounts.confirmEmail(id, now);
			if (demo.role() == Role.ADMIN) {
				accounts.grant(id, Role.ADMIN);
			}
			log.info("Created demo account {} <{}>", demo.username(), demo.email());
		}
	}

}
