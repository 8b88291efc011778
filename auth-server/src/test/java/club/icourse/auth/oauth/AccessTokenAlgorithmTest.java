package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Access tokens that only this server reads are ES256; one with a scope of another
 * resource server stays RS256, as ID tokens do.
 */
class AccessTokenAlgorithmTest {

	private final AccessTokenAlgorithm es256 = new AccessTokenAlgorithm("ES256");

	@Test
	void signInAndAdminTokensAreEs256() {
		assertThat(algorithmOf(OAuth2TokenType.ACCESS_TOKEN, Set.of("openid", "profile", "email", "school")))
			.isEqualTo(SignatureAlgorithm.ES256);
		assertThat(algorithmOf(OAuth2TokenType.ACCESS_TOKEN, Set.of("icourse.admin")))
			.isEqualTo(SignatureAlgorithm.ES256);
		assertThat(algorithmOf(OAuth2TokenType.ACCESS_TOKEN, Set.of())).isEqualTo(SignatureAlgorithm.ES256);
	}

	@Test
	void aTokenForAnotherResourceServerAndIdTokensStayRs256() {
		assertThat(algorithmOf(OAuth2TokenType.ACCESS_TOKEN, Set.of("openid", "reviews.read")))
			.isEqualTo(SignatureAlgorithm.RS256);
		assertThat(algorithmOf(new OAuth2TokenType("id_token"), Set.of("openid"))).isEqualTo(SignatureAlgorithm.RS256);
	}

	@Test
	void anUnknownAlgorithmIsRefusedAtStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> new AccessTokenAlgorithm("HS256"))
			.withMessageContaining("access-token-algorithm");
	}

	private SignatureAlgorithm algorithmOf(OAuth2TokenType type, Set<String> scopes) {
		JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256);
		JwtEncodingContext context = JwtEncodingContext.with(header, JwtClaimsSet.builder())
			.tokenType(type)
			.authorizedScopes(scopes)
			.build();
		es256.customize(context);
		return (SignatureAlgorithm) header.build().getAlgorithm();
	}

}
