package club.icourse.auth.security;

import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.passwords.Argon2idPasswords;
import club.icourse.auth.passwords.PasswordHashingLimit;
import club.icourse.auth.passwords.PasswordHashingSettings;
import club.icourse.auth.signin.RememberedAccounts;
import club.icourse.auth.signin.SecondFactorPolicy;
import club.icourse.auth.signin.SignInAuthenticationProvider;
import club.icourse.auth.signin.SignInBackoff;
import club.icourse.auth.signin.SignInNames;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

/**
 * How people prove who they are to the pages: the password encoding, the only
 * authentication manager, and the "remember me" cookie.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	private static final String PASSWORD_ENCODING = "argon2id";

	/**
	 * Spring Security's Argon2id defaults (16 MiB, 2 passes), the encoding until 2026-12.
	 */
	private static final String EARLIER_ARGON2_ENCODING = "argon2@SpringSecurity_v5_8";

	/**
	 * Argon2id (native, {@link Argon2idPasswords}) for new and changed passwords; older
	 * encodings keep working and are rehashed at the next sign-in (Spring Security's
	 * DelegatingPasswordEncoder upgrades through the UserDetailsPasswordService). At most
	 * one hash per core at once, the rest queued (PasswordHashingLimit).
	 */
	@Bean
	PasswordEncoder passwordEncoder(PasswordHashingSettings hashing) {
		PasswordEncoder argon2id = Argon2idPasswords.withSettings(hashing.argon2id());
		return new PasswordHashingLimit(new DelegatingPasswordEncoder(PASSWORD_ENCODING, Map.of(PASSWORD_ENCODING,
				argon2id, EARLIER_ARGON2_ENCODING, argon2id, "bcrypt", new BCryptPasswordEncoder())), hashing);
	}

	/**
	 * The only authentication manager: form sign-in, and the "remember me" cookie.
	 * Nothing falls back to a default user.
	 */
	@Bean
	AuthenticationManager signInAuthenticationManager(AccountRepository accounts, PasswordEncoder passwordEncoder,
			SignInNames names, SignInBackoff backoff, SecondFactorPolicy secondFactors, RememberMeSettings settings) {
		return new ProviderManager(
				List.of(new SignInAuthenticationProvider(accounts, passwordEncoder, names, backoff, secondFactors),
						new RememberMeAuthenticationProvider(settings.key())));
	}

	@Bean
	PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
		JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
		repository.setDataSource(dataSource);
		return repository;
	}

	/**
	 * "Remember me" cookies hold a random series and token checked against the database,
	 * never the password.
	 */
	@Bean
	PersistentTokenBasedRememberMeServices rememberMeServices(RememberMeSettings settings, AccountRepository accounts,
			SecondFactorPolicy secondFactors, PersistentTokenRepository tokens) {
		PersistentTokenBasedRememberMeServices services = new PersistentTokenBasedRememberMeServices(settings.key(),
				new RememberedAccounts(accounts, secondFactors), tokens);
		services.setTokenValiditySeconds((int) settings.validity().toSeconds());
		services.setParameter("remember-me");
		return services;
	}

}
