package club.icourse.auth.oauth;

import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * How the person signed in, in every ID token: {@code acr} and {@code amr}
 * ({@link AuthenticationMethods}).
 */
final class AuthenticationMethodClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (context.getPrincipal() instanceof OAuth2ClientAuthenticationToken
				|| !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		context.getClaims()
			.claim(IdTokenClaimNames.ACR, AuthenticationMethods.acr(context.getPrincipal()))
			.claim(IdTokenClaimNames.AMR, AuthenticationMethods.amr(context.getPrincipal()));
	}

}
