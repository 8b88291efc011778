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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
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

	@Test
	void refusalsSayWhyAsRfc6750AsksAndEveryAnswerCarriesTheProtocolEndpointsHeaders() throws Exception {
		TestSite site = new TestSite(clients, port);
		BearerAccessToken token = site.signIn(TestAccounts.registerAndConfirm(port))
			.getOIDCTokens()
			.getBearerAccessToken();
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest.Builder userInfo = HttpRequest.newBuilder(site.endpoint("/userinfo"));

		HttpResponse<String> none = http.send(userInfo.copy().GET().build(), BodyHandlers.ofString());
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer").doesNotContain("invalid_token"));

		HttpResponse<String> unknown = http.send(
				userInfo.copy().header("Authorization", "Bearer " + token.getValue() + "x").GET().build(),
				BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"invalid_token\""));

		HttpResponse<String> twice = http.send(userInfo.copy()
			.header("Authorization", "Bearer " + token.getValue())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("access_token=" + token.getValue()))
			.build(), BodyHandlers.ofString());
		assertThat(twice.statusCode()).as("a token in the header and the body").isEqualTo(400);

		HttpResponse<String> posted = http.send(userInfo.copy()
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("access_token=" + token.getValue()))
			.build(), BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		HttpResponse<String> answered = http.send(
				userInfo.copy().header("Authorization", "Bearer " + token.getValue()).GET().build(),
				BodyHandlers.ofString());
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(answered.headers().map()).as("no browser session for a bearer call").doesNotContainKey("set-cookie");

		HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(site.endpoint("/oauth2/jwks")).GET().build(),
				BodyHandlers.ofString());
		for (String header : List.of("Cache-Control", "Pragma", "Expires", "X-Content-Type-Options", "X-Frame-Options",
				"X-XSS-Protection", "Content-Security-Policy", "Referrer-Policy", "Permissions-Policy")) {
			assertThat(answered.headers().allValues(header)).as(header)
				.isNotEmpty()
				.isEqualTo(jwks.headers().allValues(header))
				.isEqualTo(none.headers().allValues(header));
		}
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
