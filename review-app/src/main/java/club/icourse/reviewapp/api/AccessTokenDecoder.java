package club.icourse.reviewapp.api;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How the API checks an access token, locally and without a call to iCourse ID per
 * request: iCourse ID issues access tokens as JWTs signed with its published keys (RS256
 * or ES256, fetched by {@code kid} from its JWKS and cached), so the signature,
 * {@code iss}, {@code exp} and {@code nbf} are checked here. ID tokens and logout tokens
 * are signed by the same keys but are not access tokens: they are refused by the claims
 * only they carry ({@code azp}, {@code nonce}, {@code events}).
 * <p>
 * The price of checking locally: a token revoked at iCourse ID (consent withdrawn, app
 * disabled, account deleted) keeps working here until it expires, at most its client's
 * access-token lifetime (10 minutes unless an administrator set another, 1 hour at most).
 */
final class AccessTokenDecoder {

	private static final List<String> NOT_IN_ACCESS_TOKENS = List.of("azp", "nonce", "events");

	private AccessTokenDecoder() {
	}

	static JwtDecoder of(String serverUrl, String issuer) {
		// RS256 and ES256: iCourse ID signs a token that carries only sign-in scopes (or
		// none,
		// as a client-credentials token for public reads may) with its cheaper ES256 key.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(serverUrl + "/oauth2/jwks")
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				AccessTokenDecoder::onlyAccessTokens));
		return decoder;
	}

	private static OAuth2TokenValidatorResult onlyAccessTokens(Jwt token) {
		return NOT_IN_ACCESS_TOKENS.stream().anyMatch(token::hasClaim)
				? OAuth2TokenValidatorResult
					.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Not an access token", null))
				: OAuth2TokenValidatorResult.success();
	}

}
