package club.icourse.auth.oauth;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A person's ID token names the browser session of its grant
 * ({@link BrowserSessionOfGrant}). Runs before {@link AuthenticationTimeClaim}, which may
 * replace the time it sets.
 */
final class BrowserSessionClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (context.getPrincipal() instanceof OAuth2ClientAuthenticationToken
				|| !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		BrowserSessionOfGrant.addTo(context);
	}

}
