package club.icourse.auth.signin;

import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.oauth.BackChannelLogout;
import club.icourse.auth.oauth.PostLogoutRedirect;
import club.icourse.shared.Role;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Who may see which page, and how people sign in and out of the pages of this server. */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	private static final String PASSWORD_ENCODING = "argon2@SpringSecurity_v5_8";

	/**
	 * @param key ties remember-me authentications to this server; the cookie itself is
	 * checked against the database, so a random key per start is enough, and instances
	 * need not share it
	 */
	@ConfigurationProperties("icourse.sign-in.remember-me")
	record RememberMeSettings(String key, @DefaultValue("30d") Duration validity) {

		RememberMeSettings {
			if (key == null || key.isBlank()) {
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				key = HexFormat.of().formatHex(random);
			}
		}
	}

	@Bean
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager signIn, SignInHandlers handlers,
			PersistentTokenBasedRememberMeServices rememberMe, RememberMeSettings settings,
			BackChannelLogout backChannelLogout, PostLogoutRedirect postLogoutRedirect) throws Exception {
		http.authenticationManager(signIn)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/account/**", "/oauth2/consent")
				.authenticated()
				.anyRequest()
				.permitAll())
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter(SignInHandlers.NAME_PARAMETER)
				.successHandler(handlers.success())
				.failureHandler(handlers.failure()))
			.rememberMe(remember -> remember.rememberMeServices(rememberMe).key(settings.key()))
			.logout(logout -> logout.addLogoutHandler(backChannelLogout).logoutSuccessHandler(postLogoutRedirect));
		return http.build();
	}

	/**
	 * Argon2id for new and changed passwords; older encodings keep working and are
	 * rehashed at the next sign-in (Spring Security's DelegatingPasswordEncoder upgrades
	 * through the UserDetailsPasswordService).
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(PASSWORD_ENCODING, Map.of(PASSWORD_ENCODING,
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	/**
	 * The only authentication manager: form sign-in, and the "remember me" cookie.
	 * Nothing falls back to a default user.
	 */
	@Bean
	AuthenticationManager signInAuthenticationManager(AccountRepository accounts, PasswordEncoder passwordEncoder,
			SignInNames names, SignInBackoff backoff, RememberMeSettings settings) {
		return new ProviderManager(List.of(new SignInAuthenticationProvider(accounts, passwordEncoder, names, backoff),
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
			PersistentTokenRepository tokens) {
		UserDetailsService bySubject = subject -> accounts.findBySubject(subject)
			.filter(account -> account.emailConfirmed())
			.map(account -> User.withUsername(account.subject())
				.password("")
				.authorities(AccountUserDetails.authorities(account))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		PersistentTokenBasedRememberMeServices services = new PersistentTokenBasedRememberMeServices(settings.key(),
				bySubject, tokens);
		services.setTokenValiditySeconds((int) settings.validity().toSeconds());
		services.setParameter("remember-me");
		return services;
	}

}
