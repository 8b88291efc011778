package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * A site may ask for ES256 ID tokens instead of RS256 (the default, as OpenID Connect
 * asks). Access tokens of sign-in scopes are ES256 either way
 * (icourse.oidc.access-token-algorithm, cheaper to sign), checkable against the published
 * keys.
 */
@AuthServerTest
class IdTokenAlgorithmTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void discoveryOffersRs256AndEs256AndTheJwksHasAKeyForEach() throws Exception {
		OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer("http://localhost:" + port));
		assertThat(provider.getIDTokenJWSAlgs()).contains(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

		JWKSet published = JWKSet.load(provider.getJWKSetURI().toURL());
		assertThat(published.getKeys()).extracting(key -> key.getKeyType()).contains(KeyType.RSA, KeyType.EC);
		assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void aSiteRegisteredForEs256GetsEs256IdTokensThatAnOidcLibraryAccepts() throws Exception {
		TestSite site = new TestSite(clients, port);
		RegisteredClient registered = clients.findByClientId(site.clientId);
		clients.save(RegisteredClient.from(registered)
			.tokenSettings(TokenSettings.withSettings(registered.getTokenSettings().getSettings())
				.idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
				.build())
			.build());

		OIDCTokenResponse tokens = site.signIn(TestAccounts.registerAndConfirm(port));

		JWT idToken = tokens.getOIDCTokens().getIDToken();
		assertThat(((SignedJWT) idToken).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		IDTokenClaimsSet claims = new IDTokenValidator(new Issuer("http://localhost:" + port),
				new ClientID(site.clientId), JWSAlgorithm.ES256, site.endpoint("/oauth2/jwks").toURL())
			.validate(idToken, null);
		assertThat(claims.getSubject().getValue()).isNotBlank();

		assertThat(SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue()).getHeader().getAlgorithm())
			.isEqualTo(JWSAlgorithm.ES256);
		assertThat(UserInfoResponse
			.parse(new UserInfoRequest(site.endpoint("/userinfo"), tokens.getOIDCTokens().getBearerAccessToken())
				.toHTTPRequest()
				.send())
			.indicatesSuccess()).isTrue();
	}

	@Test
	void aSiteGetsRs256IdTokensAndEs256AccessTokensSignedByPublishedKeys() throws Exception {
		TestSite site = new TestSite(clients, port);

		OIDCTokenResponse tokens = site.signIn(TestAccounts.registerAndConfirm(port));

		SignedJWT idToken = (SignedJWT) tokens.getOIDCTokens().getIDToken();
		assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		SignedJWT accessToken = SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue());
		assertThat(accessToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		JWK key = JWKSet.load(site.endpoint("/oauth2/jwks").toURL()).getKeyByKeyId(accessToken.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(accessToken.verify(new ECDSAVerifier(key.toECKey()))).isTrue();
	}

}
