package club.icourse.auth.clients;

import club.icourse.auth.oauth.ClientOptions;
import club.icourse.shared.Scopes;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Everything an administrator decides about a client, in the terms of the admin console
 * and API; the framework's {@link RegisteredClient} is derived from it. A client with
 * redirect URIs signs people in (authorization code with PKCE, refresh tokens); a
 * confidential client may also act for itself (client credentials).
 *
 * @param confidential whether the client keeps a secret (a server); a public client (an
 * app in the browser or on a phone) has none and must use PKCE
 * @param firstParty part of this product: no consent page, the account's public subject
 * @param backchannelLogoutUri where logout tokens go when a person signs out here; blank
 * for none
 * @param idTokenAlgorithm RS256 or ES256
 */
public record ClientDefinition(String clientId, String name, boolean confidential, boolean firstParty,
		List<String> redirectUris, List<String> postLogoutRedirectUris, String backchannelLogoutUri, Set<String> scopes,
		boolean clientCredentials, Duration accessTokenLifetime, Duration refreshTokenLifetime,
		String idTokenAlgorithm) {

	/** Lets a client-credentials token manage clients through the admin API. */
	public static final String ADMIN_SCOPE = "icourse.admin";

	/** The scopes a person can grant, in the order the console lists them. */
	public static final List<String> PERSON_SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
			Scopes.SCHOOL);

	public static final List<String> ID_TOKEN_ALGORITHMS = List.of("RS256", "ES256");

	public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);

	public static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

	public ClientDefinition {
		clientId = clientId == null ? "" : clientId.strip();
		name = name == null ? "" : name.strip();
		redirectUris = clean(redirectUris);
		postLogoutRedirectUris = clean(postLogoutRedirectUris);
		backchannelLogoutUri = backchannelLogoutUri == null ? "" : backchannelLogoutUri.strip();
		scopes = Collections.unmodifiableSortedSet(scopes == null ? new TreeSet<>() : new TreeSet<>(scopes));
		accessTokenLifetime = accessTokenLifetime == null ? DEFAULT_ACCESS_TOKEN_LIFETIME : accessTokenLifetime;
		refreshTokenLifetime = refreshTokenLifetime == null ? DEFAULT_REFRESH_TOKEN_LIFETIME : refreshTokenLifetime;
		idTokenAlgorithm = idTokenAlgorithm == null || idTokenAlgorithm.isBlank() ? "RS256" : idTokenAlgorithm.strip();
	}

	/**
	 * Whether people sign in through this client (it has somewhere to send them back to).
	 */
	public boolean signsPeopleIn() {
		return !redirectUris.isEmpty();
	}

	/**
	 * The framework's form of this definition, under the given internal id with the given
	 * stored secret hash.
	 */
	RegisteredClient toRegisteredClient(String id, String secretHash, boolean disabled) {
		RegisteredClient.Builder builder = RegisteredClient.withId(id).clientId(clientId).clientName(name);
		if (confidential) {
			builder.clientSecret(secretHash)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		else {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		if (signsPeopleIn()) {
			builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
		}
		if (clientCredentials) {
			builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
		}
		redirectUris.forEach(builder::redirectUri);
		postLogoutRedirectUris.forEach(builder::postLogoutRedirectUri);
		scopes.forEach(builder::scope);
		return builder
			.clientSettings(ClientSettings.builder()
				.requireProofKey(!confidential)
				.requireAuthorizationConsent(!firstParty)
				.setting(ClientOptions.FIRST_PARTY, firstParty)
				.setting(ClientOptions.BACKCHANNEL_LOGOUT_URI, backchannelLogoutUri)
				.setting(ClientOptions.DISABLED, disabled)
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(accessTokenLifetime)
				.refreshTokenTimeToLive(refreshTokenLifetime)
				.reuseRefreshTokens(false)
				.idTokenSignatureAlgorithm(SignatureAlgorithm.from(idTokenAlgorithm))
				.build())
			.build();
	}

	static ClientDefinition of(RegisteredClient client) {
		Object backchannel = client.getClientSettings().getSetting(ClientOptions.BACKCHANNEL_LOGOUT_URI);
		SignatureAlgorithm idTokenAlgorithm = client.getTokenSettings().getIdTokenSignatureAlgorithm();
		return new ClientDefinition(client.getClientId(), client.getClientName(),
				!client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
				Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientOptions.FIRST_PARTY)),
				List.copyOf(client.getRedirectUris()), List.copyOf(client.getPostLogoutRedirectUris()),
				backchannel instanceof String uri ? uri : "", client.getScopes(),
				client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS),
				client.getTokenSettings().getAccessTokenTimeToLive(),
				client.getTokenSettings().getRefreshTokenTimeToLive(),
				idTokenAlgorithm == null ? "RS256" : idTokenAlgorithm.getName());
	}

	static boolean isDisabled(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientOptions.DISABLED));
	}

	private static List<String> clean(List<String> uris) {
		return uris == null ? List.of()
				: uris.stream().map(String::strip).filter(uri -> !uri.isEmpty()).distinct().toList();
	}
}
