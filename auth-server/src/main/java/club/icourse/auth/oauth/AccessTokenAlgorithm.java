package club.icourse.auth.oauth;

import club.icourse.shared.Scopes;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * An access token that only this server reads is signed with
 * {@code icourse.oidc.access-token-algorithm}: ES256 by default, whose signature costs a
 * quarter of RS256's CPU (about 0.25 against 1.1 ms here), and an access token is signed
 * at every token request. Those are the tokens whose scopes are all sign-in scopes (read
 * by UserInfo, which finds the token in the store) or the admin scope (read by the admin
 * API, whose decoder takes RSA and EC keys). A token with any other scope is for another
 * resource server, which may check it itself with a JWT library's default, RS256: it
 * stays RS256. ID tokens keep the client's algorithm (RS256 unless it registered ES256).
 */
final class AccessTokenAlgorithm implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/**
	 * The scopes of tokens that this server alone reads; {@code icourse.admin} is
	 * ClientDefinition's admin scope (the clients package depends on this one, not the
	 * reverse).
	 */
	private static final Set<String> READ_HERE_ONLY = Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
			OidcScopes.ADDRESS, OidcScopes.PHONE, Scopes.SCHOOL, "icourse.admin");

	private final SignatureAlgorithm algorithm;

	AccessTokenAlgorithm(String algorithm) {
		this.algorithm = SignatureAlgorithm.from(algorithm);
		if (this.algorithm == null || SigningKeys.ALGORITHMS.stream()
			.noneMatch(signing -> signing.getName().equals(this.algorithm.getName()))) {
			throw new IllegalStateException("icourse.oidc.access-token-algorithm must be one of "
					+ SigningKeys.ALGORITHMS + ", not " + algorithm);
		}
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				&& READ_HERE_ONLY.containsAll(context.getAuthorizedScopes())) {
			context.getJwsHeader().algorithm(algorithm);
		}
	}

}
