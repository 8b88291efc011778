package club.icourse.auth.oauth;

import java.util.Date;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The {@code auth_time} of a person's ID token. The framework puts the session's last
 * request there; the time of the sign-in itself is what OpenID Connect means. A Date, as
 * the framework's: it must survive its JSON allow-list and later refreshes.
 */
final class AuthenticationTimeClaim implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (context.getPrincipal() instanceof OAuth2ClientAuthenticationToken
				|| !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		AuthenticationTime.of(context.getPrincipal())
			.ifPresent(signedInAt -> context.getClaims().claim(IdTokenClaimNames.AUTH_TIME, Date.from(signedInAt)));
	}

}
