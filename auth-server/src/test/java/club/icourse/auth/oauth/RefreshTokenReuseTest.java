package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

@AuthServerTest
class RefreshTokenReuseTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void aRotatedRefreshTokenPresentedAgainRevokesTheWholeGrant() throws Exception {
		TestSite site = new TestSite(clients, port);
		OIDCTokenResponse signedIn = site.signIn(TestAccounts.registerAndConfirm(port));
		RefreshToken first = signedIn.getOIDCTokens().getRefreshToken();

		Tokens rotated = refresh(site, first).toSuccessResponse().getTokens();
		assertThat(rotated.getRefreshToken()).isNotEqualTo(first);

		TokenResponse replay = refresh(site, first);
		assertThat(replay.indicatesSuccess()).isFalse();
		assertThat(replay.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");

		assertThat(refresh(site, rotated.getRefreshToken()).indicatesSuccess())
			.as("the legitimate holder's newer refresh token dies with the grant")
			.isFalse();
		TokenIntrospectionResponse introspection = TokenIntrospectionResponse
			.parse(new TokenIntrospectionRequest(site.endpoint("/oauth2/introspect"), site.authentication,
					rotated.getAccessToken())
				.toHTTPRequest()
				.send());
		assertThat(introspection.toSuccessResponse().isActive()).isFalse();
	}

	@Test
	void anOrdinaryRotationChainKeepsWorking() throws Exception {
		TestSite site = new TestSite(clients, port);
		RefreshToken token = site.signIn(TestAccounts.registerAndConfirm(port)).getOIDCTokens().getRefreshToken();
		for (int i = 0; i < 3; i++) {
			TokenResponse response = refresh(site, token);
			assertThat(response.indicatesSuccess()).isTrue();
			token = response.toSuccessResponse().getTokens().getRefreshToken();
		}
	}

	/**
	 * A refresh request may name its grant's scopes again (RFC 6749 6); offline_access is
	 * granted by being there and not carried, so naming it is no invalid_scope (the OIDF
	 * suite's oidcc-refresh-token sends "openid offline_access").
	 */
	@Test
	void aRefreshNamingOfflineAccessAgainWorks() throws Exception {
		TestSite site = new TestSite(clients, port);
		RefreshToken token = site.signIn(TestAccounts.registerAndConfirm(port)).getOIDCTokens().getRefreshToken();
		TokenResponse response = OIDCTokenResponseParser
			.parse(new TokenRequest(site.endpoint("/oauth2/token"), site.authentication, new RefreshTokenGrant(token),
					Scope.parse("openid offline_access"))
				.toHTTPRequest()
				.send());
		assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
	}

	private static TokenResponse refresh(TestSite site, RefreshToken token) throws Exception {
		return OIDCTokenResponseParser
			.parse(new TokenRequest(site.endpoint("/oauth2/token"), site.authentication, new RefreshTokenGrant(token))
				.toHTTPRequest()
				.send());
	}

}
