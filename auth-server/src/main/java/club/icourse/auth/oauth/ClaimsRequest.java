package club.icourse.auth.oauth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The {@code claims} request parameter (OpenID Connect Core 5.5): which claims a site
 * asks for in the ID token and in the UserInfo answer. Essential or voluntary makes no
 * difference here: a claim is released when the person granted the scope it belongs to
 * ({@link StandardScopeClaims}), and a site that asks for a claim asks for its scope too
 * ({@link ClaimsRequestScopes}). Unreadable JSON asks for nothing.
 */
record ClaimsRequest(Set<String> idToken, Set<String> userInfo) {

	static final String PARAMETER = "claims";

	static final ClaimsRequest NONE = new ClaimsRequest(Set.of(), Set.of());

	static ClaimsRequest parse(Object parameter) {
		if (!(parameter instanceof String json) || json.isBlank() || json.length() > 10_000) {
			return NONE;
		}
		try {
			Map<String, Object> request = JSONObjectUtils.parse(json);
			return new ClaimsRequest(names(request.get("id_token")), names(request.get("userinfo")));
		}
		catch (ParseException | RuntimeException e) {
			return NONE;
		}
	}

	/**
	 * The {@code acr} values a site requires in the ID token (OpenID Connect Core
	 * 5.5.1.1): those of an essential {@code acr} claim, by {@code value} or
	 * {@code values}; none for a voluntary one or unreadable JSON.
	 */
	static Set<String> essentialAcr(Object parameter) {
		if (!(parameter instanceof String json) || json.isBlank() || json.length() > 10_000) {
			return Set.of();
		}
		try {
			Map<String, Object> idToken = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(json), "id_token");
			Map<String, Object> acr = idToken == null ? null : JSONObjectUtils.getJSONObject(idToken, "acr");
			if (acr == null || !Boolean.TRUE.equals(acr.get("essential"))) {
				return Set.of();
			}
			Set<String> values = new TreeSet<>();
			if (acr.get("value") instanceof String value) {
				values.add(value);
			}
			if (acr.get("values") instanceof List<?> listed) {
				listed.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
			}
			return values;
		}
		catch (ParseException | RuntimeException e) {
			return Set.of();
		}
	}

	/** What the request behind an authorization asked for. */
	static ClaimsRequest of(OAuth2Authorization authorization) {
		if (authorization == null) {
			return NONE;
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		return request == null ? NONE : parse(request.getAdditionalParameters().get(PARAMETER));
	}

	/** Every claim named in either member. */
	Set<String> all() {
		Set<String> all = new TreeSet<>(idToken);
		all.addAll(userInfo);
		return all;
	}

	private static Set<String> names(Object member) {
		return member instanceof Map<?, ?> claims ? claims.keySet()
			.stream()
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.collect(Collectors.toUnmodifiableSet()) : Set.of();
	}

}
