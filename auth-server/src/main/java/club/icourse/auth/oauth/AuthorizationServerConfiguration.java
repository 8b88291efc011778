package club.icourse.auth.oauth;

import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import club.icourse.web.retry.IdempotentWrites;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What the authorization server keeps and signs with: authorizations, consents and keys
 * in MariaDB, so any instance serves any request. The filter chain of the protocol
 * endpoints is in the {@code security} package ({@link ProtocolEndpoints}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/**
	 * The browser session of the current request (stored by Spring Session, so known to
	 * every instance), so that OpenID Connect logout can check the session an ID token
	 * was issued in, whichever instance issued it.
	 */
	@Bean
	SessionRegistry sessionRegistry() {
		return new CurrentBrowserSession();
	}

	@Bean
	ReuseDetectingAuthorizations authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients, DSLContext dsl,
			Clock clock, AuditLog audit, TransactionOperations transactions, IdempotentWrites idempotent) {
		return new ReuseDetectingAuthorizations(new HashedTokenAuthorizations(jdbc, clients, dsl), dsl, clock, clients,
				audit, transactions, idempotent);
	}

	@Bean
	OAuth2AuthorizationConsentService consents(JdbcTemplate jdbc, RegisteredClientRepository clients, AuditLog audit,
			Actors actors) {
		return new AuditedConsents(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), clients, audit, actors);
	}

	/** Every published key, for the JWKS endpoint and for checking tokens. */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> selector.select(keys.published());
	}

	/**
	 * Tokens are signed by exactly one key: the one whose turn it is for the algorithm in
	 * the JWS header (RS256 unless a client registered another for its ID tokens).
	 */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(keys.signing()));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(OidcProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

	/**
	 * Every token is counted, and sign-ins to third-party sites published; access tokens
	 * only this server reads are signed ES256 ({@link AccessTokenAlgorithm}); tokens
	 * about a person carry the subject its client may see, and ID tokens the claims the
	 * site asked for in them, the browser session of the grant, the time of the sign-in
	 * and how it was made.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(IdentityClaims claims, MeterRegistry meters,
			ApplicationEventPublisher events, OidcProperties properties) {
		List<OAuth2TokenCustomizer<JwtEncodingContext>> steps = List.of(new IssuedTokenCounter(meters),
				new SignInEvents(events), new AccessTokenAlgorithm(properties.accessTokenAlgorithm()),
				new PersonClaims(claims), new BrowserSessionClaims(), new AuthenticationTimeClaim(),
				new AuthenticationMethodClaims());
		return context -> steps.forEach(step -> step.customize(context));
	}

}
