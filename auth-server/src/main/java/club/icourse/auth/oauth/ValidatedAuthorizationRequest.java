package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An authorization request whose client and redirect URI the framework has already
 * checked (its validating filter leaves the request in a request attribute for the
 * endpoint further down the chain). Only such a request may be answered by a redirect to
 * the site, or change anything for the person, such as signing them out.
 *
 * @param redirectUri where answers go: the one the request names, or the client's only
 * registered one
 * @param parameters everything beyond client_id, redirect_uri, scope, state and
 * response_type
 */
record ValidatedAuthorizationRequest(String clientId, String redirectUri, String state, Set<String> scopes,
		Map<String, Object> parameters) {

	private static final String ATTRIBUTE = OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName();

	static Optional<ValidatedAuthorizationRequest> of(HttpServletRequest request, RegisteredClientRepository clients) {
		// The framework sets the attribute only once the request passed its checks.
		if (!(request.getAttribute(ATTRIBUTE) instanceof OAuth2AuthorizationCodeRequestAuthenticationToken validated)) {
			return Optional.empty();
		}
		String redirect = validated.getRedirectUri();
		if (redirect == null) {
			RegisteredClient client = clients.findByClientId(validated.getClientId());
			if (client == null || client.getRedirectUris().size() != 1) {
				return Optional.empty();
			}
			redirect = client.getRedirectUris().iterator().next();
		}
		return Optional.of(new ValidatedAuthorizationRequest(validated.getClientId(), redirect, validated.getState(),
				validated.getScopes(), validated.getAdditionalParameters()));
	}

	/** The prompt values of an OpenID Connect request (none for plain OAuth). */
	Set<String> prompts() {
		return scopes.contains(OidcScopes.OPENID) ? prompts(parameters.get("prompt")) : Set.of();
	}

	static Set<String> prompts(Object prompt) {
		return prompt == null ? Set.of()
				: Arrays.stream(String.valueOf(prompt).split(" "))
					.filter(value -> !value.isBlank())
					.collect(Collectors.toSet());
	}

	static boolean signedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * An error response at the site's redirect URI (RFC 6749 4.1.2.1), with the state it
	 * sent.
	 */
	static String errorRedirect(String redirectUri, String error, String state) {
		return UriComponentsBuilder.fromUriString(redirectUri)
			.queryParam("error", error)
			.queryParamIfPresent("state", Optional.ofNullable(state))
			.encode()
			.build()
			.toUriString();
	}

}
