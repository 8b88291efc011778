package club.icourse.auth.clients;

import club.icourse.auth.oauth.ClientOptions;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * What a client registration must meet. Addresses must be https, except on the loopback
 * interface (RFC 8252: a desktop or command-line app listening on 127.0.0.1 or [::1]);
 * {@code localhost} is refused because the name can resolve elsewhere, and the framework
 * refuses it at the authorization endpoint anyway.
 */
public final class ClientRules {

	private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private static final int MAX_NAME = 100;

	private static final int MAX_URIS = 10;

	private static final int MAX_URI_LENGTH = 1000;

	private static final int MAX_JWKS_LENGTH = 20_000;

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]");

	private static final Duration MIN_ACCESS = Duration.ofMinutes(1);

	private static final Duration MAX_ACCESS = Duration.ofHours(1);

	private static final Duration MIN_REFRESH = Duration.ofHours(1);

	private static final Duration MAX_REFRESH = Duration.ofDays(90);

	private ClientRules() {
	}

	public static List<ClientProblem> check(ClientDefinition client) {
		List<ClientProblem> problems = new ArrayList<>();
		if (!CLIENT_ID.matcher(client.clientId()).matches()) {
			problems.add(new ClientProblem("clientId", "client-id", client.clientId()));
		}
		if (client.name().isEmpty() || client.name().length() > MAX_NAME
				|| client.name().chars().anyMatch(Character::isISOControl)) {
			problems.add(new ClientProblem("name", "name", null));
		}
		checkUris("redirectUris", client.redirectUris(), problems);
		checkUris("postLogoutRedirectUris", client.postLogoutRedirectUris(), problems);
		if (!client.backchannelLogoutUri().isEmpty()) {
			checkUris("backchannelLogoutUri", List.of(client.backchannelLogoutUri()), problems);
		}
		for (String scope : client.scopes()) {
			if (!ClientDefinition.PERSON_SCOPES.contains(scope) && !ClientDefinition.ADMIN_SCOPE.equals(scope)) {
				problems.add(new ClientProblem("scopes", "unknown-scope", scope));
			}
		}
		if (!client.signsPeopleIn() && !client.clientCredentials()) {
			problems.add(new ClientProblem("redirectUris", "no-grant", null));
		}
		if (client.signsPeopleIn() && !client.scopes().contains(OidcScopes.OPENID)) {
			problems.add(new ClientProblem("scopes", "openid-needed", null));
		}
		if (client.clientCredentials() && !client.confidential()) {
			problems.add(new ClientProblem("clientCredentials", "public-client-credentials", null));
		}
		// A person's token must never carry the power to manage clients.
		if (client.scopes().contains(ClientDefinition.ADMIN_SCOPE)
				&& (client.signsPeopleIn() || !client.clientCredentials())) {
			problems.add(new ClientProblem("scopes", "admin-scope", null));
		}
		if (client.withoutPkce() && !client.confidential()) {
			problems.add(new ClientProblem("withoutPkce", "public-without-pkce", null));
		}
		// Introspection needs client authentication, which a public client cannot give.
		if (client.resourceServer() && !client.confidential()) {
			problems.add(new ClientProblem("resourceServer", "public-resource-server", null));
		}
		if (!between(client.accessTokenLifetime(), MIN_ACCESS, MAX_ACCESS)) {
			problems.add(new ClientProblem("accessTokenMinutes", "access-lifetime", null));
		}
		if (!between(client.refreshTokenLifetime(), MIN_REFRESH, MAX_REFRESH)) {
			problems.add(new ClientProblem("refreshTokenDays", "refresh-lifetime", null));
		}
		if (client.keys() != null) {
			checkKeys(client, problems);
		}
		if (!ClientDefinition.ID_TOKEN_ALGORITHMS.contains(client.idTokenAlgorithm())) {
			problems.add(new ClientProblem("idTokenAlgorithm", "id-token-algorithm", client.idTokenAlgorithm()));
		}
		String userInfoAlgorithm = client.options() == null ? null : client.options().userInfoAlgorithm();
		if (userInfoAlgorithm != null && !ClientDefinition.ID_TOKEN_ALGORITHMS.contains(userInfoAlgorithm)) {
			problems.add(new ClientProblem("userInfoAlgorithm", "id-token-algorithm", userInfoAlgorithm));
		}
		return problems;
	}

	/**
	 * The problems of addresses another feature keeps beside a client (a homepage, a
	 * policy page), checked as redirect URIs are: absolute, https except loopback, no
	 * fragment.
	 */
	public static List<ClientProblem> checkUris(String field, List<String> uris) {
		List<ClientProblem> problems = new ArrayList<>();
		checkUris(field, uris, problems);
		return problems;
	}

	private static void checkKeys(ClientDefinition client, List<ClientProblem> problems) {
		ClientKeys keys = client.keys();
		if (!client.confidential()) {
			problems.add(new ClientProblem("keys", "public-with-keys", null));
		}
		if ((keys.jwksUri() == null) == (keys.jwks() == null)) {
			problems.add(new ClientProblem("keys", "jwks-one", null));
		}
		if (keys.jwksUri() != null) {
			problemWith(keys.jwksUri())
				.ifPresent(code -> problems.add(new ClientProblem("jwksUri", code, keys.jwksUri())));
		}
		if (keys.jwks() != null && !publicKeys(keys.jwks())) {
			problems.add(new ClientProblem("jwks", "jwks-invalid", null));
		}
		if (!ClientOptions.ASSERTION_ALGORITHMS.contains(keys.signingAlgorithm())) {
			problems.add(new ClientProblem("keys", "signing-algorithm", keys.signingAlgorithm()));
		}
	}

	/** A JWK Set of at most 10 public keys (never a private one). */
	private static boolean publicKeys(String jwks) {
		if (jwks.length() > MAX_JWKS_LENGTH) {
			return false;
		}
		try {
			JWKSet set = JWKSet.parse(jwks);
			return !set.getKeys().isEmpty() && set.getKeys().size() <= MAX_URIS
					&& set.getKeys().stream().noneMatch(JWK::isPrivate);
		}
		catch (ParseException e) {
			return false;
		}
	}

	private static void checkUris(String field, List<String> uris, List<ClientProblem> problems) {
		if (uris.size() > MAX_URIS) {
			problems.add(new ClientProblem(field, "too-many-uris", null));
			return;
		}
		for (String uri : uris) {
			problemWith(uri).ifPresent(code -> problems.add(new ClientProblem(field, code, uri)));
		}
	}

	/**
	 * What is wrong with an address a client registers (a redirect URI or a page of its
	 * own such as its logo or policy), as a problem code; empty if nothing.
	 */
	public static Optional<String> uriProblem(String text) {
		return problemWith(text);
	}

	private static Optional<String> problemWith(String text) {
		// The framework stores URI lists comma-separated.
		if (text.length() > MAX_URI_LENGTH || text.contains(",") || text.chars().anyMatch(c -> c <= ' ')) {
			return Optional.of("uri-malformed");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException e) {
			return Optional.of("uri-malformed");
		}
		if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null
				|| uri.getRawUserInfo() != null) {
			return Optional.of("uri-malformed");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.equals("localhost") || host.endsWith(".localhost")) {
			return Optional.of("uri-localhost");
		}
		if (scheme.equals("https") || (scheme.equals("http") && LOOPBACK.contains(host))) {
			return Optional.empty();
		}
		return Optional.of("uri-not-https");
	}

	private static boolean between(Duration value, Duration min, Duration max) {
		return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
	}

}
