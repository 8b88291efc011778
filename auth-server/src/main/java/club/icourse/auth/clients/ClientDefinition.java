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
 * @param withoutPkce a legacy exception for a confidential client that cannot send PKCE;
 * off by default, as every client must use PKCE (OAuth 2.1, RFC 9700 2.1.1)
 * @param resourceServer the client is a resource server: it may introspect tokens issued
 * to other clients (RFC 7662 4); any other client only its own
 * @param keys for a confidential client that authenticates with {@code private_key_jwt}
 * instead of a secret; {@code null} for a client with a secret (or a public one)
 * @param options what a dynamically registered client asked for beyond these fields;
 * {@code null} when the definition does not say (the admin console), which keeps those
 * stored
 */
public record ClientDefinition(String clientId, String name, boolean confidential, boolean firstParty,
		List<String> redirectUris, List<String> postLogoutRedirectUris, String backchannelLogoutUri, Set<String> scopes,
		boolean clientCredentials, Duration accessTokenLifetime, Duration refreshTokenLifetime, String idTokenAlgorithm,
		boolean withoutPkce, boolean resourceServer, ClientKeys keys, ProtocolOptions options) {

	/** Lets a client-credentials token manage clients through the admin API. */
	public static final String ADMIN_SCOPE = "icourse.admin";

	/** The scopes a person can grant, in the order the console lists them. */
	public static final List<String> PERSON_SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
			Scopes.SCHOOL, Scopes.REVIEWS_READ, Scopes.REVIEWS_WRITE);

	/**
	 * The scopes a new client gets unless it names its own: signing in, not the review
	 * API, which a site asks for on purpose.
	 */
	public static final List<String> SIGN_IN_SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
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

	/** A client that says nothing of the {@link ProtocolOptions}. */
	public ClientDefinition(String clientId, String name, boolean confidential, boolean firstParty,
			List<String> redirectUris, List<String> postLogoutRedirectUris, String backchannelLogoutUri,
			Set<String> scopes, boolean clientCredentials, Duration accessTokenLifetime, Duration refreshTokenLifetime,
			String idTokenAlgorithm, boolean withoutPkce, boolean resourceServer, ClientKeys keys) {
		this(clientId, name, confidential, firstParty, redirectUris, postLogoutRedirectUris, backchannelLogoutUri,
				scopes, clientCredentials, accessTokenLifetime, refreshTokenLifetime, idTokenAlgorithm, withoutPkce,
				resourceServer, keys, null);
	}

	/** A client that has a secret, or none (a public client). */
	public ClientDefinition(String clientId, String name, boolean confidential, boolean firstParty,
			List<String> redirectUris, List<String> postLogoutRedirectUris, String backchannelLogoutUri,
			Set<String> scopes, boolean clientCredentials, Duration accessTokenLifetime, Duration refreshTokenLifetime,
			String idTokenAlgorithm, boolean withoutPkce, boolean resourceServer) {
		this(clientId, name, confidential, firstParty, redirectUris, postLogoutRedirectUris, backchannelLogoutUri,
				scopes, clientCredentials, accessTokenLifetime, refreshTokenLifetime, idTokenAlgorithm, withoutPkce,
				resourceServer, null);
	}

	/** A client with PKCE required that introspects only its own tokens. */
	public ClientDefinition(String clientId, String name, boolean confidential, boolean firstParty,
			List<String> redirectUris, List<String> postLogoutRedirectUris, String backchannelLogoutUri,
			Set<String> scopes, boolean clientCredentials, Duration accessTokenLifetime, Duration refreshTokenLifetime,
			String idTokenAlgorithm) {
		this(clientId, name, confidential, firstParty, redirectUris, postLogoutRedirectUris, backchannelLogoutUri,
				scopes, clientCredentials, accessTokenLifetime, refreshTokenLifetime, idTokenAlgorithm, false, false);
	}

	/** The same client, authenticating with these keys instead of a secret. */
	public ClientDefinition withKeys(ClientKeys newKeys) {
		return new ClientDefinition(clientId, name, confidential, firstParty, redirectUris, postLogoutRedirectUris,
				backchannelLogoutUri, scopes, clientCredentials, accessTokenLifetime, refreshTokenLifetime,
				idTokenAlgorithm, withoutPkce, resourceServer, newKeys, options);
	}

	/** Whether the client authenticates with a secret (not with keys, not public). */
	public boolean hasSecret() {
		return confidential && keys == null;
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
		ClientSettings.Builder settings = ClientSettings.builder();
		if (confidential && keys != null) {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
			if (keys.jwksUri() != null) {
				settings.jwkSetUrl(keys.jwksUri());
			}
			settings.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.from(keys.signingAlgorithm()))
				.setting(ClientOptions.JWKS, keys.jwks() == null ? "" : keys.jwks());
		}
		else if (confidential) {
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
		ProtocolOptions protocol = options == null ? ProtocolOptions.NONE : options;
		if (protocol.sectorIdentifierUri() != null) {
			settings.setting(ClientOptions.SECTOR_IDENTIFIER_URI, protocol.sectorIdentifierUri());
		}
		if (protocol.userInfoAlgorithm() != null) {
			settings.setting(ClientOptions.USERINFO_ALGORITHM, protocol.userInfoAlgorithm());
		}
		return builder
			.clientSettings(settings.requireProofKey(!(confidential && withoutPkce))
				.requireAuthorizationConsent(!firstParty)
				.setting(ClientOptions.FIRST_PARTY, firstParty)
				.setting(ClientOptions.BACKCHANNEL_LOGOUT_URI, backchannelLogoutUri)
				.setting(ClientOptions.DISABLED, disabled)
				.setting(ClientOptions.RESOURCE_SERVER, resourceServer)
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
		boolean confidential = !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
		return new ClientDefinition(client.getClientId(), client.getClientName(), confidential,
				Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientOptions.FIRST_PARTY)),
				List.copyOf(client.getRedirectUris()), List.copyOf(client.getPostLogoutRedirectUris()),
				backchannel instanceof String uri ? uri : "", client.getScopes(),
				client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS),
				client.getTokenSettings().getAccessTokenTimeToLive(),
				client.getTokenSettings().getRefreshTokenTimeToLive(),
				idTokenAlgorithm == null ? "RS256" : idTokenAlgorithm.getName(),
				confidential && !client.getClientSettings().isRequireProofKey(),
				Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientOptions.RESOURCE_SERVER)), keys(client),
				options(client.getClientSettings()));
	}

	private static ProtocolOptions options(ClientSettings settings) {
		return new ProtocolOptions(
				settings.getSetting(ClientOptions.SECTOR_IDENTIFIER_URI) instanceof String uri ? uri : null,
				settings.getSetting(ClientOptions.USERINFO_ALGORITHM) instanceof String algorithm ? algorithm : null);
	}

	private static ClientKeys keys(RegisteredClient client) {
		if (!client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT)) {
			return null;
		}
		ClientSettings settings = client.getClientSettings();
		Object jwks = settings.getSetting(ClientOptions.JWKS);
		return new ClientKeys(settings.getJwkSetUrl(), jwks instanceof String text ? text : null,
				settings.getTokenEndpointAuthenticationSigningAlgorithm() == null ? null
						: settings.getTokenEndpointAuthenticationSigningAlgorithm().getName());
	}

	static boolean isDisabled(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientOptions.DISABLED));
	}

	private static List<String> clean(List<String> uris) {
		return uris == null ? List.of()
				: uris.stream().map(String::strip).filter(uri -> !uri.isEmpty()).distinct().toList();
	}
}
