package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * UserInfo checks the access token against the store at every call (not only its
 * signature): a revoked token, or one of a grant revoked for refresh token reuse, is
 * refused at once.
 */
@AuthServerTest
class UserInfoLivenessTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void aRevokedAccessTokenIsRefusedAtOnce() throws Exception {
		TestSite site = new TestSite(clients, port);
		BearerAccessToken token = site.signIn(TestAccounts.registerAndConfirm(port))
			.getOIDCTokens()
			.getBearerAccessToken();
		assertThat(userInfo(site, token).getStatusCode()).isEqualTo(200);
		assertThat(userInfo(site, token).getContentAsJSONObject()).containsKey("sub");

		assertThat(
				new TokenRevocationRequest(site.endpoint("/oauth2/revoke"), site.authentication, token).toHTTPRequest()
					.send()
					.getStatusCode())
			.isEqualTo(200);
		assertThat(userInfo(site, token).getStatusCode()).isEqualTo(401);
	}

	@Test
	void theAccessTokenOfAGrantRevokedForReuseIsRefused() throws Exception {
		TestSite site = new TestSite(clients, port);
		OIDCTokenResponse signedIn = site.signIn(TestAccounts.registerAndConfirm(port));
		OIDCTokenResponse rotated = refresh(site, signedIn);
		BearerAccessToken newest = rotated.getOIDCTokens().getBearerAccessToken();
		assertThat(userInfo(site, newest).getStatusCode()).isEqualTo(200);

		refresh(site, signedIn);
		assertThat(userInfo(site, newest).getStatusCode()).isEqualTo(401);
	}

	private static HTTPResponse userInfo(TestSite site, BearerAccessToken token) throws Exception {
		return new UserInfoRequest(site.endpoint("/userinfo"), token).toHTTPRequest().send();
	}

	private static OIDCTokenResponse refresh(TestSite site, OIDCTokenResponse tokens) throws Exception {
		var response = OIDCTokenResponseParser
			.parse(new TokenRequest(site.endpoint("/oauth2/token"), site.authentication,
					new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
				.toHTTPRequest()
				.send());
		return response.indicatesSuccess() ? (OIDCTokenResponse) response.toSuccessResponse() : null;
	}

}
