package club.icourse.auth.oauth;

import club.icourse.auth.audit.AuditLog;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;

/**
 * How the protocol endpoints behave beyond the framework's defaults, handed to the filter
 * chain that serves them (in the {@code security} package). Not a {@code Customizer}
 * bean: Spring Security would apply such a bean to every filter chain.
 */
@Component
public class ProtocolEndpoints {

	/**
	 * The registration endpoint (OpenID Connect Dynamic Client Registration, RFC 7591),
	 * served by the {@code registration} feature and advertised in discovery.
	 */
	public static final String REGISTRATION_ENDPOINT = "/connect/register";

	private final IdentityClaims claims;

	private final BackChannelLogout backChannel;

	private final AuditLog audit;

	private final Clock clock;

	private final RegisteredClientRepository registeredClients;

	private final OAuth2AuthorizationService authorizations;

	private final LogoutFallback logoutFallback;

	private final LiveAccessTokens liveTokens;

	private final PreviousClientSecrets previousSecrets;

	private final ClientUseRule useRule;

	private final JwtEncoder jwtEncoder;

	ProtocolEndpoints(IdentityClaims claims, BackChannelLogout backChannel, AuditLog audit, Clock clock,
			RegisteredClientRepository registeredClients, OAuth2AuthorizationService authorizations,
			LogoutFallback logoutFallback, LiveAccessTokens liveTokens, PreviousClientSecrets previousSecrets,
			ClientUseRule useRule, JwtEncoder jwtEncoder) {
		this.jwtEncoder = jwtEncoder;
		this.useRule = useRule;
		this.previousSecrets = previousSecrets;
		this.liveTokens = liveTokens;
		this.claims = claims;
		this.backChannel = backChannel;
		this.audit = audit;
		this.clock = clock;
		this.registeredClients = registeredClients;
		this.authorizations = authorizations;
		this.logoutFallback = logoutFallback;
	}

	public void configure(OAuth2AuthorizationServerConfigurer endpoints) {
		endpoints.authorizationEndpoint(authorize -> authorize.consentPage(ConsentController.PATH))
			.tokenRevocationEndpoint(revocation -> revocation.revocationResponseHandler(new AuditedRevocation(audit)))
			// RFC 9126: a site may push its request (authenticated) and send the browser
			// only a request_uri.
			.pushedAuthorizationRequestEndpoint(Customizer.withDefaults())
			.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo)
				.userInfoResponseHandler(signedUserInfo())
				// the live columns of the token, not the whole grant
				.authenticationProviders(providers -> {
					providers.clear();
					providers.add(userInfoClaims());
				}))
				.logoutEndpoint(logout -> logout.logoutResponseHandler(new SignedOutAtProvider(signedOutEverywhere()))
					.errorResponseHandler(logoutFallback))
				.providerConfigurationEndpoint(
						discovery -> discovery.providerConfigurationCustomizer(new DiscoveryMetadata())))
			.tokenIntrospectionEndpoint(
					introspection -> introspection.introspectionResponseHandler(new IntrospectionAccess()))
			.clientAuthentication(clients -> clients
				.authenticationProviders(new ClientSecretCheck(
						new PreviousSecretClients(registeredClients, previousSecrets, clock), authorizations))
				.errorResponseHandler(new CodeSpentOnFailedRedemption(authorizations)));
	}

	/**
	 * What must see a request before the framework reads it: {@code offline_access},
	 * which every client that signs people in has already ({@link OfflineAccessScope}),
	 * the scopes a {@code claims} parameter asks for ({@link ClaimsRequestScopes}), the
	 * refusal of DPoP ({@link DpopRefusal}), the client id a client assertion implies
	 * ({@link ClientIdFromAssertion}) and the error sent back for a missing response type
	 * ({@link MissingResponseType}).
	 */
	public List<Filter> filtersBeforeTheFramework() {
		return List.of(new OfflineAccessScope(registeredClients), new ClaimsRequestScopes(registeredClients),
				new DpopRefusal(), new ClientIdFromAssertion(), new MissingResponseType(registeredClients));
	}

	/**
	 * The UserInfo endpoint on its own ({@link UserInfoEndpoint}), for a filter chain
	 * that holds nothing else but the response headers.
	 */
	public Filter userInfoEndpoint(AuthorizationServerSettings settings) {
		return new UserInfoEndpoint(new LiveBearerTokens(liveTokens), userInfoClaims(), signedUserInfo(), settings);
	}

	private SignedUserInfo signedUserInfo() {
		return new SignedUserInfo(registeredClients, jwtEncoder, clock);
	}

	private UserInfoByLiveToken userInfoClaims() {
		return new UserInfoByLiveToken(registeredClients, claims);
	}

	/** Where UserInfo finds the access token ({@link UserInfoBearerTokens}). */
	public BearerTokenResolver bearerTokens() {
		return UserInfoBearerTokens.resolver();
	}

	/**
	 * How a bearer token is checked: found live in the store ({@link LiveBearerTokens}).
	 */
	public AuthenticationManager bearerTokenAuthentication() {
		return new ProviderManager(new LiveBearerTokens(liveTokens));
	}

	/**
	 * What the authorization endpoint does not check itself, in this order: the
	 * {@link AuthorizationRequestGate} (prompt=none without a session, request objects,
	 * foreign request_uri), then the {@link UnapprovedAppGate} (an app its person may not
	 * use yet), then OpenID Connect's {@code prompt=login} and {@code max_age}, then the
	 * second factor when one is due ({@link SecondFactorStepUp}). All must run after the
	 * framework's validating filter and before the check that sends a person who is not
	 * signed in to the sign-in page.
	 */
	public List<Filter> authorizationRequestFilters() {
		PushedRequests pushed = new PushedRequests(authorizations);
		return List.of(new AuthorizationRequestGate(registeredClients, pushed),
				new UnapprovedAppGate(useRule, registeredClients),
				new ReauthenticationFilter(clock, registeredClients, pushed),
				new SecondFactorStepUp(registeredClients));
	}

	private LogoutHandler signedOutEverywhere() {
		// Back-channel first: it reads the session that the other one ends.
		return new CompositeLogoutHandler(backChannel, new SecurityContextLogoutHandler());
	}

}
