package club.icourse.auth.registration;

import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientKeys;
import club.icourse.auth.clients.ClientRules;
import club.icourse.auth.clients.ProtocolOptions;
import club.icourse.auth.developers.AppMetadata;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's registration metadata (RFC 7591 2, OpenID Connect Dynamic Client
 * Registration 2) read into the registry's {@link ClientDefinition}, plus what the
 * registry does not keep ({@code logo_uri}, {@code policy_uri}, {@code tos_uri},
 * {@code client_uri}, {@code contacts}), which is stored beside it. Metadata this server
 * does not understand is ignored (RFC 7591 2); metadata it understands but does not offer
 * (other response types, encrypted UserInfo, public subjects for a third-party site) is
 * refused, so a client never believes it got what it did not.
 *
 * @param kept the metadata stored beside the definition, by its RFC 7591 name
 */
record ClientMetadata(ClientDefinition definition, Map<String, Object> kept) {

	static final String AUTHORIZATION_CODE = "authorization_code";

	static final String REFRESH_TOKEN = "refresh_token";

	static final String CLIENT_CREDENTIALS = "client_credentials";

	private static final Set<String> GRANT_TYPES = Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS);

	static final String PRIVATE_KEY_JWT = "private_key_jwt";

	static final String OFFLINE_ACCESS = "offline_access";

	private static final Set<String> SECRET_METHODS = Set.of("client_secret_basic", "client_secret_post");

	/** The pages of the client, shown on the consent page and in the portal. */
	private static final List<String> CLIENT_PAGES = List.of("logo_uri", "policy_uri", "tos_uri", "client_uri");

	private static final List<String> NOT_OFFERED = List.of("userinfo_encrypted_response_alg",
			"userinfo_encrypted_response_enc", "id_token_encrypted_response_alg", "id_token_encrypted_response_enc",
			"request_object_encryption_alg", "request_object_encryption_enc", "authorization_signed_response_alg",
			"frontchannel_logout_uri", "tls_client_certificate_bound_access_tokens", "dpop_bound_access_tokens");

	private static final int MAX_CONTACTS = 10;

	private static final int MAX_CONTACT_LENGTH = 200;

	/**
	 * Reads a request body.
	 * @param withoutPkce whether the initial access token lets a confidential client skip
	 * PKCE
	 * @throws InvalidRegistrationException naming the first thing wrong
	 */
	static ClientMetadata read(Map<String, Object> body, String clientId, boolean withoutPkce) {
		for (String field : NOT_OFFERED) {
			if (body.get(field) != null) {
				throw InvalidRegistrationException.metadata(field + " is not offered by this server");
			}
		}
		List<String> responseTypes = strings(body, "response_types", List.of("code"));
		if (!responseTypes.equals(List.of("code"))) {
			throw InvalidRegistrationException
				.metadata("response_types: only [\"code\"] is offered (authorization code flow)");
		}
		List<String> grantTypes = strings(body, "grant_types", List.of(AUTHORIZATION_CODE));
		for (String grant : grantTypes) {
			if (!GRANT_TYPES.contains(grant)) {
				throw InvalidRegistrationException.metadata("grant_types: " + grant + " is not offered");
			}
		}
		boolean signsPeopleIn = grantTypes.contains(AUTHORIZATION_CODE);
		List<String> redirectUris = strings(body, "redirect_uris", List.of());
		if (signsPeopleIn && redirectUris.isEmpty()) {
			throw new InvalidRegistrationException(InvalidRegistrationException.INVALID_REDIRECT_URI,
					"redirect_uris is required for the authorization_code grant");
		}
		if (!signsPeopleIn && !redirectUris.isEmpty()) {
			throw InvalidRegistrationException.metadata("redirect_uris need the authorization_code grant");
		}
		String method = string(body, "token_endpoint_auth_method", "client_secret_basic");
		boolean withKeys = method.equals(PRIVATE_KEY_JWT);
		boolean confidential = SECRET_METHODS.contains(method) || withKeys;
		if (!confidential && !method.equals("none")) {
			throw InvalidRegistrationException.metadata("token_endpoint_auth_method: " + method
					+ " is not offered (client_secret_basic, client_secret_post, private_key_jwt or none)");
		}
		ClientKeys keys = null;
		if (withKeys) {
			Object jwks = body.get("jwks");
			if (jwks != null && !(jwks instanceof Map)) {
				throw InvalidRegistrationException.metadata("jwks must be a JWK Set (a JSON object)");
			}
			keys = new ClientKeys(string(body, "jwks_uri", null),
					jwks == null ? null : JSONObjectUtils.toJSONString(object(jwks)),
					string(body, "token_endpoint_auth_signing_alg", null));
		}
		else if (body.get("jwks") != null || body.get("jwks_uri") != null) {
			throw InvalidRegistrationException.metadata("jwks and jwks_uri are only for private_key_jwt");
		}
		String subjectType = string(body, "subject_type", "pairwise");
		if (!subjectType.equals("pairwise")) {
			throw InvalidRegistrationException
				.metadata("subject_type: sites registered here get pairwise subjects only");
		}
		String sectorUri = string(body, "sector_identifier_uri", null);
		if (sectorUri != null && ClientRules.uriProblem(sectorUri).isPresent()) {
			throw InvalidRegistrationException.metadata("sector_identifier_uri: " + sectorUri
					+ " is not an https address (http only on 127.0.0.1 or [::1])");
		}
		if (sectorUri != null && !signsPeopleIn) {
			throw InvalidRegistrationException.metadata("sector_identifier_uri needs the authorization_code grant");
		}
		Set<String> scopes = scopes(body);
		if (signsPeopleIn) {
			// OpenID Connect Core 11: a client that signs people in gets refresh tokens
			// here
			// without asking for them
			scopes.remove(OFFLINE_ACCESS);
		}
		if (scopes.contains(ClientDefinition.ADMIN_SCOPE)) {
			throw InvalidRegistrationException
				.metadata("scope: " + ClientDefinition.ADMIN_SCOPE + " is given by an administrator only");
		}
		String name = string(body, "client_name", clientId);
		ClientDefinition definition = new ClientDefinition(clientId, name, confidential, false, redirectUris,
				strings(body, "post_logout_redirect_uris", List.of()), string(body, "backchannel_logout_uri", null),
				scopes, grantTypes.contains(CLIENT_CREDENTIALS), null, null,
				string(body, "id_token_signed_response_alg", "RS256"), confidential && withoutPkce, false, keys,
				new ProtocolOptions(sectorUri, string(body, "userinfo_signed_response_alg", null)));
		Map<String, Object> kept = new LinkedHashMap<>();
		kept.put("token_endpoint_auth_method", method);
		for (String page : CLIENT_PAGES) {
			String uri = string(body, page, null);
			if (uri != null) {
				ClientRules.uriProblem(uri).ifPresent(problem -> {
					throw InvalidRegistrationException.metadata(page + ": " + uri + " is not an https address");
				});
				kept.put(page, uri);
			}
		}
		List<String> contacts = strings(body, "contacts", List.of());
		if (contacts.size() > MAX_CONTACTS
				|| contacts.stream().anyMatch(contact -> contact.isBlank() || contact.length() > MAX_CONTACT_LENGTH)) {
			throw InvalidRegistrationException.metadata("contacts: at most 10 addresses of up to 200 characters");
		}
		if (!contacts.isEmpty()) {
			kept.put("contacts", contacts);
		}
		return new ClientMetadata(definition, kept);
	}

	/** What the developer portal keeps and shows on the consent page. */
	AppMetadata appMetadata() {
		return new AppMetadata((String) kept.get("client_uri"), (String) kept.get("policy_uri"),
				(String) kept.get("tos_uri"));
	}

	/**
	 * The client's metadata as the endpoint answers it: what was registered, including
	 * defaults this server filled in.
	 */
	static Map<String, Object> describe(ClientDefinition definition, Map<String, Object> kept) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("client_name", definition.name());
		List<String> grants = new ArrayList<>();
		if (definition.signsPeopleIn()) {
			metadata.put("redirect_uris", definition.redirectUris());
			grants.add(AUTHORIZATION_CODE);
			grants.add(REFRESH_TOKEN);
		}
		if (definition.clientCredentials()) {
			grants.add(CLIENT_CREDENTIALS);
		}
		metadata.put("grant_types", grants);
		metadata.put("response_types", definition.signsPeopleIn() ? List.of("code") : List.of());
		metadata.put("token_endpoint_auth_method", !definition.confidential() ? "none" : definition.keys() != null
				? PRIVATE_KEY_JWT : kept.getOrDefault("token_endpoint_auth_method", "client_secret_basic"));
		if (definition.keys() != null) {
			ClientKeys keys = definition.keys();
			metadata.put("token_endpoint_auth_signing_alg", keys.signingAlgorithm());
			if (keys.jwksUri() != null) {
				metadata.put("jwks_uri", keys.jwksUri());
			}
			else {
				metadata.put("jwks", parsed(keys.jwks()));
			}
		}
		metadata.put("scope", String.join(" ", definition.scopes()));
		metadata.put("subject_type", "pairwise");
		metadata.put("id_token_signed_response_alg", definition.idTokenAlgorithm());
		ProtocolOptions options = definition.options() == null ? ProtocolOptions.NONE : definition.options();
		if (options.sectorIdentifierUri() != null) {
			metadata.put("sector_identifier_uri", options.sectorIdentifierUri());
		}
		if (options.userInfoAlgorithm() != null) {
			metadata.put("userinfo_signed_response_alg", options.userInfoAlgorithm());
		}
		if (!definition.postLogoutRedirectUris().isEmpty()) {
			metadata.put("post_logout_redirect_uris", definition.postLogoutRedirectUris());
		}
		if (!definition.backchannelLogoutUri().isEmpty()) {
			metadata.put("backchannel_logout_uri", definition.backchannelLogoutUri());
			// every logout token carries the sid of the session that ended
			metadata.put("backchannel_logout_session_required", true);
		}
		kept.forEach((name, value) -> {
			if (!name.equals("token_endpoint_auth_method")) {
				metadata.put(name, value);
			}
		});
		return metadata;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object json) {
		return (Map<String, Object>) json;
	}

	private static Map<String, Object> parsed(String json) {
		try {
			return JSONObjectUtils.parse(json);
		}
		catch (ParseException e) {
			throw new IllegalStateException("A stored JWK Set that was checked when registered", e);
		}
	}

	private static Set<String> scopes(Map<String, Object> body) {
		String scope = string(body, "scope", null);
		if (scope == null) {
			return new LinkedHashSet<>(ClientDefinition.PERSON_SCOPES);
		}
		return new LinkedHashSet<>(Arrays.stream(scope.strip().split(" +")).filter(s -> !s.isEmpty()).toList());
	}

	private static String string(Map<String, Object> body, String name, String otherwise) {
		Object value = body.get(name);
		if (value == null) {
			return otherwise;
		}
		if (!(value instanceof String text)) {
			throw InvalidRegistrationException.metadata(name + " must be a string");
		}
		return text;
	}

	private static List<String> strings(Map<String, Object> body, String name, List<String> otherwise) {
		Object value = body.get(name);
		if (value == null) {
			return otherwise;
		}
		if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
			throw InvalidRegistrationException.metadata(name + " must be an array of strings");
		}
		return list.stream().map(String.class::cast).toList();
	}

}
