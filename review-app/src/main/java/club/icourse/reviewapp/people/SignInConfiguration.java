package club.icourse.reviewapp.people;

import club.icourse.shared.Role;
import club.icourse.web.MultipartCsrfTokens;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * People sign in through iCourse ID (OpenID Connect, authorization code with PKCE), are
 * signed out here when they sign out there (back-channel logout), and signing out here
 * signs them out there too (RP-initiated logout). Reading needs no sign-in. Not set up
 * when the app runs as a command, without its web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(IcourseIdProperties.class)
class SignInConfiguration {

	static final String REGISTRATION = "icourse";
	static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

	/**
	 * OpenID RISC: the account was deleted at the provider. It comes as one more member
	 * of a back-channel logout token's events (docs/account-deletion.md).
	 */
	static final String ACCOUNT_PURGED = "https://schemas.openid.net/secevent/risc/event-type/account-purged";

	/**
	 * Endpoints are given one by one rather than discovered from the issuer, so the site
	 * starts even while the provider is down; the issuer is still known, so ID and logout
	 * tokens are checked against it.
	 */
	@Bean
	ClientRegistrationRepository clientRegistrations(IcourseIdProperties provider) {
		String server = provider.serverUrl();
		return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
			.clientName("iCourse ID")
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri((provider.publicUrl() == null || provider.publicUrl().isBlank() ? "{baseUrl}"
					: provider.publicUrl()) + "/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email", "school")
			.issuerUri(provider.issuer())
			.authorizationUri(server + "/oauth2/authorize")
			.tokenUri(server + "/oauth2/token")
			.jwkSetUri(server + "/oauth2/jwks")
			.userInfoUri(server + "/userinfo")
			.userNameAttributeName("sub")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", server + "/connect/logout"))
			.build());
	}

	@Bean
	SessionsOfSubject oidcSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SessionsOfSubject(sessions);
	}

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, SessionsOfSubject sessions,
			PersonSignIn people, PersonDeletion deletion, IcourseIdProperties provider) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.authorizeHttpRequests(authorize -> authorize
			.requestMatchers("/admin/**", "/*/*/revert/*", "/*/*/lock", "/courses/*/teachers", "/teachers/*/photo/show",
					"/teachers/*/account", "/teachers/*/account/remove")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.GET, "/reviews/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/teachers/*/photo")
			.authenticated()
			.requestMatchers("/courses/*/review", "/courses/*/vote", "/courses/*/follow", "/courses/*/taken",
					"/reviews/**", "/comments/**", "/people/*/follow", "/following", "/notifications/**",
					"/settings/**", "/courses/*/edit", "/teachers/*/edit")
			.authenticated()
			.anyRequest()
			.permitAll())
			.oauth2Login(login -> login.loginPage(SIGN_IN)
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(people))
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests)))
			.oidcLogout(
					logout -> logout.backChannel(channel -> channel.logoutHandler((request, response, logoutToken) -> {
						if (logoutToken.getPrincipal() instanceof OidcLogoutToken token) {
							sessions.end(token);
							Map<String, Object> events = token.getClaimAsMap("events");
							if (events != null && events.containsKey(ACCOUNT_PURGED) && token.getSubject() != null) {
								deletion.delete(token.getIssuer().toString(), token.getSubject());
							}
						}
					})))
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new MultipartCsrfTokens()))
			.logout(logout -> logout.logoutSuccessHandler(new ProviderSignOut(registrations, provider)));
		return http.build();
	}

}
