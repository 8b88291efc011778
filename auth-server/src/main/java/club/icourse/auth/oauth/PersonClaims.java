package club.icourse.auth.oauth;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Tokens about a person name them by the subject their client may see (pairwise for
 * third-party sites); the ID token also carries the claims the site asked for in it with
 * the {@code claims} parameter, of the granted scopes (the others are in UserInfo).
 * Tokens a client obtains for itself are left alone.
 */
final class PersonClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final IdentityClaims claims;

	PersonClaims(IdentityClaims claims) {
		this.claims = claims;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (context.getPrincipal() instanceof OAuth2ClientAuthenticationToken) {
			return;
		}
		String accountSubject = context.getPrincipal().getName();
		context.getClaims().subject(claims.subject(accountSubject, context.getRegisteredClient()));
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			context.getClaims()
				.claims(existing -> existing.putAll(claims.idToken(accountSubject, context.getAuthorizedScopes(),
						context.getRegisteredClient(), ClaimsRequest.of(context.getAuthorization()))));
		}
	}

}
