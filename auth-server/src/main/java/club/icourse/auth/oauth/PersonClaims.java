package club.icourse.auth.oauth;

import club.icourse.shared.Scopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Tokens about a person name them by the subject their client may see (pairwise for
 * third-party sites); the ID token also carries the claims the site asked for in it with
 * the {@code claims} parameter, of the granted scopes (the others are in UserInfo). An
 * access token for review-app's API is the exception: it names the person by their public
 * subject. Tokens a client obtains for itself are left alone.
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
		context.getClaims()
			.subject(forReviewApi(context) ? accountSubject
					: claims.subject(accountSubject, context.getRegisteredClient()));
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			context.getClaims()
				.claims(existing -> existing.putAll(claims.idToken(accountSubject, context.getAuthorizedScopes(),
						context.getRegisteredClient(), ClaimsRequest.of(context.getAuthorization()))));
		}
	}

	/**
	 * An access token for review-app's API names the person as the API knows them (RFC
	 * 9068 6: an access token's subject is meant for its resource server), whichever site
	 * holds it. The site learns nothing it could not read through the API anyway: the
	 * person's own reviews carry their username.
	 */
	private static boolean forReviewApi(JwtEncodingContext context) {
		return OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				&& context.getAuthorizedScopes().stream().anyMatch(Scopes.REVIEW_API::contains);
	}

}
