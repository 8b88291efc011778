package club.icourse.auth.oauth;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;

/**
 * The UserInfo endpoint, checking the bearer token as the framework's provider does
 * (live, granted {@code openid}, a grant with an ID token) but from the few columns that
 * say so, read when the bearer token was checked ({@link LiveBearerTokens}), instead of
 * the whole stored grant, which the framework reads and converts from JSON at every call.
 * The person's account is read in the same statement; the claims are those of
 * {@link IdentityClaims}.
 */
final class UserInfoByLiveToken implements AuthenticationProvider {

	private final RegisteredClientRepository clients;

	private final IdentityClaims claims;

	UserInfoByLiveToken(RegisteredClientRepository clients, IdentityClaims claims) {
		this.clients = clients;
		this.claims = claims;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OidcUserInfoAuthenticationToken request = (OidcUserInfoAuthenticationToken) authentication;
		if (!(request.getPrincipal() instanceof LiveBearerToken bearer) || !bearer.isAuthenticated()) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
		}
		LiveAccessTokens.LiveAccessToken live = bearer.live();
		if (!live.scopes().contains(OidcScopes.OPENID)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INSUFFICIENT_SCOPE);
		}
		RegisteredClient client = clients.findById(live.registeredClientId());
		if (!live.withIdToken() || client == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
		}
		OidcUserInfo userInfo = claims.userInfo(live.principalName(), client, live.scopes(), live.account());
		return new OidcUserInfoAuthenticationToken(bearer, userInfo);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OidcUserInfoAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
