package club.icourse.auth.security;

import club.icourse.auth.admin.AdminApiAccess;
import club.icourse.auth.oauth.BackChannelLogout;
import club.icourse.auth.oauth.PostLogoutRedirect;
import club.icourse.auth.oauth.ProtocolEndpoints;
import club.icourse.auth.passkeys.PasskeyChangesNeedPassword;
import club.icourse.auth.signin.PasskeySignIn;
import club.icourse.auth.signin.SignInHandlers;
import club.icourse.auth.system.SecondFactors;
import club.icourse.shared.Role;
import club.icourse.web.MultipartCsrfTokens;
import jakarta.servlet.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The filter chains of this server, first match wins: UserInfo, the protocol endpoints,
 * the admin API, the registration endpoint, then the pages. (Ahead of all of them runs
 * the sign-in rate limit, a servlet filter of the {@code signin} package.)
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No observation (a timer and a span) of every filter of every chain, of every
	 * authentication and every authorization decision: nothing reads them (requests are
	 * timed as a whole, {@code http.server.requests}), and on a UserInfo call they cost
	 * more CPU than the filters they watched.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * UserInfo (GET or POST), alone: the response headers every endpoint sends, then
	 * {@link ProtocolEndpoints#userInfoEndpoint()}, which checks the bearer token and
	 * answers. No session, no CSRF token (a bearer token is no cookie), no request cache,
	 * no anonymous sign-in: nothing the call needs, and each was a filter on every call.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain userInfoChain(HttpSecurity http, ProtocolEndpoints endpoints,
			AuthorizationServerSettings settings) throws Exception {
		String path = settings.getOidcUserInfoEndpoint();
		http.securityMatcher(
				new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path)))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.disable())
			.securityContext(context -> context.disable())
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.servletApi(servletApi -> servletApi.disable())
			.exceptionHandling(exceptions -> exceptions.disable())
			.logout(logout -> logout.disable())
			.addFilterAfter(endpoints.userInfoEndpoint(settings), HeaderWriterFilter.class);
		return http.build();
	}

	/**
	 * Discovery, authorize, pushed authorization requests, token, JWKS, introspection,
	 * revocation and logout, as {@link ProtocolEndpoints} configures them (UserInfo too,
	 * as the framework builds it, but {@link #userInfoChain} answers first).
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain protocolEndpointsChain(HttpSecurity http, ProtocolEndpoints endpoints) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		// After the framework's validating filter (just before this anchor), so that they
		// see whether the client and redirect URI are good, and before the check that
		// sends a person who is not signed in to the sign-in page.
		for (Filter filter : endpoints.authorizationRequestFilters()) {
			http.addFilterAfter(filter, AbstractPreAuthenticatedProcessingFilter.class);
		}
		// Ahead of the framework's validating filter (added before this anchor later).
		for (Filter filter : endpoints.filtersBeforeTheFramework()) {
			http.addFilterBefore(filter, AbstractPreAuthenticatedProcessingFilter.class);
		}
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, endpoints::configure)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// A person who is not signed in is sent to the sign-in page, then back to the
			// authorization request.
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			// UserInfo takes the access token as a bearer token, in the header or in a
			// form-encoded POST body (RFC 6750 2.1, 2.2), and finds it live in the store
			// (the framework asks for jwt(), so the check is that configurer's manager).
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.authenticationManager(endpoints.bearerTokenAuthentication()))
				.bearerTokenResolver(endpoints.bearerTokens()));
		return http.build();
	}

	/** Bearer tokens only, checked by {@link AdminApiAccess}; no session. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityFilterChain adminApiChain(HttpSecurity http, OAuth2AuthorizationService authorizations) throws Exception {
		http.securityMatcher(AdminApiAccess.PATHS)
			.authorizeHttpRequests(requests -> requests.anyRequest().access(new AdminApiAccess(authorizations)))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * The registration endpoint and the clients' configuration endpoints under it (the
	 * {@code registration} feature): each call carries its own bearer token, an initial
	 * or a registration access token, which the endpoint checks itself (they are not
	 * OAuth access tokens); no session, no CSRF token (no cookie is ever read).
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 3)
	SecurityFilterChain registrationChain(HttpSecurity http) throws Exception {
		http.securityMatcher(ProtocolEndpoints.REGISTRATION_ENDPOINT, ProtocolEndpoints.REGISTRATION_ENDPOINT + "/*")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * Who may see which page, and how people sign in (password, passkey) and out of the
	 * pages.
	 */
	@Bean
	SecurityFilterChain pagesChain(HttpSecurity http, AuthenticationManager signIn, SignInHandlers handlers,
			PersistentTokenBasedRememberMeServices rememberMe, RememberMeSettings settings,
			BackChannelLogout backChannelLogout, PostLogoutRedirect postLogoutRedirect, PasskeySignIn passkeys,
			PasskeyChangesNeedPassword passkeyChanges) throws Exception {
		// A sign-in whose account must show a second factor reaches only the second step
		// and the security page (where a factor is set up) until it has shown one.
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> secondFactorShown = new DefaultAuthorizationManagerFactory<>();
		secondFactorShown.setAdditionalAuthorization(new SecondFactorShown<>());
		http.authenticationManager(signIn)
			.authorizeHttpRequests(requests -> requests
				// Spring Security's own passkey removal is closed: ours, a form on the
				// account page, writes the audit log.
				.requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
				.denyAll()
				.requestMatchers("/admin/**")
				.access(secondFactorShown.hasRole(Role.ADMIN.name()))
				.requestMatchers(SecondFactors.SECOND_STEP_PATH, "/account/security", "/account/security/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/developers/apps/*/logo")
				.permitAll()
				.requestMatchers("/account/**", "/oauth2/consent", "/webauthn/register/**", "/developers",
						"/developers/**")
				.access(secondFactorShown.authenticated())
				.anyRequest()
				.permitAll())
			.exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(
					new LoginUrlAuthenticationEntryPoint(SecondFactors.SECOND_STEP_PATH), SecondFactors.TOTP_AUTHORITY))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter(SignInHandlers.NAME_PARAMETER)
				.successHandler(handlers.success())
				.failureHandler(handlers.failure()))
			.webAuthn(webAuthn -> passkeys.configure(webAuthn, http))
			.rememberMe(remember -> remember.rememberMeServices(rememberMe).key(settings.key()))
			.logout(logout -> logout.addLogoutHandler(backChannelLogout).logoutSuccessHandler(postLogoutRedirect))
			// An upload's token comes in its query string, so an oversized upload reaches
			// the page that says so (developers.UploadTooLarge).
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new MultipartCsrfTokens()));
		passkeyChanges.configure(http);
		return http.build();
	}

}
