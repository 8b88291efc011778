package club.icourse.auth.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorization request a {@code request_uri} stands for (RFC 9126). The framework
 * keeps a pushed request as an authorization whose state is the request_uri's reference
 * ({@code urn:ietf:params:oauth:request_uri:<state>___<expiry
 * millis>}, pushed 300 seconds before it expires); read here so that prompt and max_age
 * inside it are honoured too.
 */
final class PushedRequests {

	/** What the pushed request asked for, and when it was pushed. */
	record Pushed(Map<String, Object> parameters, String redirectUri, String state, Instant pushedAt) {
	}

	private static final String PREFIX = "urn:ietf:params:oauth:request_uri:";

	private static final String DELIMITER = "___";

	private static final long LIFETIME_SECONDS = 300;

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	private final OAuth2AuthorizationService authorizations;

	PushedRequests(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	/** Whether a request_uri has the form of this server's own (RFC 9126) ones. */
	static boolean looksPushed(String requestUri) {
		return requestUri.startsWith(PREFIX) && requestUri.contains(DELIMITER) && requestUri.length() <= 512;
	}

	Optional<Pushed> find(String requestUri, String clientId) {
		if (requestUri == null || !requestUri.startsWith(PREFIX) || !requestUri.contains(DELIMITER)
				|| requestUri.length() > 512) {
			return Optional.empty();
		}
		String reference = requestUri.substring(PREFIX.length());
		long expiresAtMillis;
		try {
			expiresAtMillis = Long
				.parseLong(reference.substring(reference.lastIndexOf(DELIMITER) + DELIMITER.length()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		OAuth2Authorization authorization = Optional.ofNullable(authorizations.findByToken(reference, STATE))
			.orElseGet(
					() -> authorizations.findByToken(reference.substring(0, reference.lastIndexOf(DELIMITER)), STATE));
		if (authorization == null) {
			return Optional.empty();
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		if (request == null || !request.getClientId().equals(clientId)) {
			return Optional.empty();
		}
		return Optional.of(new Pushed(request.getAdditionalParameters(), request.getRedirectUri(), request.getState(),
				Instant.ofEpochMilli(expiresAtMillis).minusSeconds(LIFETIME_SECONDS)));
	}

}
