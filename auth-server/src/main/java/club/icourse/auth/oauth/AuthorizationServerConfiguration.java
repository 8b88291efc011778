package club.icourse.auth.oauth;

import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.Actors;
import jakarta.servlet.http.HttpServletResponse;
import club.icourse.auth.audit.AuditLog;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.Date;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The protocol endpoints (discovery, authorize, pushed authorization requests, token,
 * JWKS, UserInfo, introspection, revocation, logout) in a filter chain of their own,
 * ahead of the pages; everything they keep lives in MariaDB, so any instance serves any
 * request.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain protocolEndpoints(HttpSecurity http, IdentityClaims claims, Clock clock,
			BackChannelLogout backChannel, AuditLog audit, RegisteredClientRepository registeredClients,
			OAuth2AuthorizationService authorizations, LogoutFallback logoutFallback) throws Exception {
		OidcLogoutAuthenticationSuccessHandler signedOut = new OidcLogoutAuthenticationSuccessHandler();
		// Back-channel first: it reads the session that the other one ends.
		signedOut.setLogoutHandler(new CompositeLogoutHandler(backChannel, new SecurityContextLogoutHandler()));
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		// After the framework's validating filter (just before this anchor), so that both
		// see whether the client and redirect URI are good, and before the check that
		// sends a person who is not signed in to the sign-in page.
		PushedRequests pushed = new PushedRequests(authorizations);
		http.addFilterAfter(new AuthorizationRequestGate(registeredClients, pushed),
				AbstractPreAuthenticatedProcessingFilter.class);
		http.addFilterAfter(new ReauthenticationFilter(clock, registeredClients, pushed),
				AbstractPreAuthenticatedProcessingFilter.class);
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server,
					endpoints -> endpoints
						.authorizationEndpoint(authorize -> authorize.consentPage(ConsentController.PATH))
						.tokenRevocationEndpoint(
								revocation -> revocation.revocationResponseHandler((request, response, revoked) -> {
									if (revoked.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) {
										audit.record(Actor.client(client.getRegisteredClient().getClientId()),
												"token.revoked", client.getRegisteredClient().getClientId(), null);
									}
									response.setStatus(HttpServletResponse.SC_OK);
								}))
						// RFC 9126: a site may push its request (authenticated) and send
						// the browser only a request_uri.
						.pushedAuthorizationRequestEndpoint(Customizer.withDefaults())
						.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
							.logoutEndpoint(logout -> logout.logoutResponseHandler(signedOut)
								.errorResponseHandler(logoutFallback))
							.providerConfigurationEndpoint(
									discovery -> discovery.providerConfigurationCustomizer(metadata -> metadata
										.idTokenSigningAlgorithms(algorithms -> SigningKeys.ALGORITHMS.stream()
											.map(JWSAlgorithm::getName)
											.filter(algorithm -> !algorithms.contains(algorithm))
											.forEach(algorithms::add))
										.claim("backchannel_logout_supported", true)
										.claim("backchannel_logout_session_supported", true))))
						.clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.stream()
							.filter(ClientSecretAuthenticationProvider.class::isInstance)
							.map(ClientSecretAuthenticationProvider.class::cast)
							.forEach(provider -> provider.setPasswordEncoder(new ClientSecrets())))))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// A person who is not signed in is sent to the sign-in page, then back to the
			// authorization request.
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			// UserInfo takes the access token as a bearer token.
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

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
			Clock clock, AuditLog audit) {
		return new ReuseDetectingAuthorizations(new JdbcOAuth2AuthorizationService(jdbc, clients), dsl, clock, clients,
				audit);
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
	 * Tokens about a person name them by the subject their client may see (pairwise for
	 * third-party sites); the ID token also carries the claims of the granted scopes.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> personClaims(IdentityClaims claims, MeterRegistry meters) {
		return context -> {
			meters
				.counter("icourse.tokens.issued", "grant_type", context.getAuthorizationGrantType().getValue(), "token",
						context.getTokenType().getValue())
				.increment();
			if (context.getPrincipal() instanceof OAuth2ClientAuthenticationToken) {
				return;
			}
			String accountSubject = context.getPrincipal().getName();
			context.getClaims().subject(claims.subject(accountSubject, context.getRegisteredClient()));
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				context.getClaims()
					.claims(existing -> existing.putAll(
							claims.of(accountSubject, context.getAuthorizedScopes(), context.getRegisteredClient())));
				BrowserSessionOfGrant.addTo(context);
				// The framework puts the session's last request here; the time of the
				// sign-in itself is what OpenID
				// Connect means. A Date, as the framework's: it must survive its JSON
				// allow-list and later refreshes.
				AuthenticationTime.of(context.getPrincipal())
					.ifPresent(signedInAt -> context.getClaims()
						.claim(IdTokenClaimNames.AUTH_TIME, Date.from(signedInAt)));
			}
		};
	}

}
