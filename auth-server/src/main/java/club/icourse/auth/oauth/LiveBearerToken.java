package club.icourse.auth.oauth;

import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * A bearer token found live in the store ({@link LiveBearerTokens}), with what the store
 * said about it, so that UserInfo answers without reading it again.
 */
final class LiveBearerToken extends AbstractOAuth2TokenAuthenticationToken<OAuth2AccessToken> {

	private final transient LiveAccessTokens.LiveAccessToken live;

	LiveBearerToken(String value, LiveAccessTokens.LiveAccessToken live) {
		super(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, null, live.expiresAt(), live.scopes()),
				live.principalName(), value,
				live.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
		this.live = live;
		setAuthenticated(true);
	}

	LiveAccessTokens.LiveAccessToken live() {
		return this.live;
	}

	@Override
	public Map<String, Object> getTokenAttributes() {
		return Map.of("sub", live.principalName(), "client_id", live.registeredClientId(), "scope", live.scopes());
	}

}
