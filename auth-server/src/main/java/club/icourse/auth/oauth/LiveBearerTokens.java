package club.icourse.auth.oauth;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * How the protocol endpoints check a bearer token (UserInfo is the one that takes one):
 * it must be an access token this server issued and still holds live, found by its hash
 * in the store ({@link LiveAccessTokens}). Finding the exact value there proves more than
 * its JWS signature would (the store also knows revocation, reuse detection and
 * sign-out), so the signature is not checked again: decoding and verifying the JWT cost
 * more CPU than the rest of a UserInfo call. The admin API checks its tokens as a
 * resource server.
 */
final class LiveBearerTokens implements AuthenticationProvider {

	private final LiveAccessTokens tokens;

	LiveBearerTokens(LiveAccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String value = ((BearerTokenAuthenticationToken) authentication).getToken();
		return tokens.find(value)
			.map(live -> new LiveBearerToken(value, live))
			.orElseThrow(() -> new InvalidBearerTokenException("The access token is not valid"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
