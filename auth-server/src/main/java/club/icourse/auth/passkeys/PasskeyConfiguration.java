package club.icourse.auth.passkeys;

import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The relying party and its tables. Spring Security's WebAuthn configurer takes these
 * beans in place of its in-memory defaults.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	/**
	 * Discoverable credentials (usernameless sign-in) with user verification required, at
	 * registration and at every sign-in: a passkey then proves both possession and the
	 * person (PIN or biometrics), so it counts as multi-factor.
	 */
	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, PasskeySettings settings, AccountRepository accounts, Actors actors,
			AuditLog audit) {
		Webauthn4JRelyingPartyOperations framework = new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(settings.rpName()).build(),
				Set.copyOf(settings.origins()));
		framework.setCustomizeCreationOptions(
				options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.userVerification(UserVerificationRequirement.REQUIRED)
					.build()));
		framework.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return new AccountRelyingParty(framework, users, accounts, actors, audit);
	}

	@Bean
	FilterRegistrationBean<PasskeyRegistrationRefusals> passkeyRegistrationRefusals(MessageSource messages,
			LocaleResolver locales) {
		FilterRegistrationBean<PasskeyRegistrationRefusals> registration = new FilterRegistrationBean<>(
				new PasskeyRegistrationRefusals(messages, locales));
		registration.addUrlPatterns(PasskeyRegistrationRefusals.PATH);
		// Around Spring Security, whose registration filter lets the refusal through.
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

}
