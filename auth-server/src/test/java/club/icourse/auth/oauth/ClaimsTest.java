package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Standard claims per scope in UserInfo, the ID token only with what the site asked for
 * in it (OpenID Connect Core 5.4, 5.5), how the person signed in ({@code acr},
 * {@code amr}), and UserInfo with the access token in a form body (RFC 6750 2.2).
 */
@AuthServerTest
class ClaimsTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void scopeClaimsGoToUserInfoAndTheIdTokenSaysHowThePersonSignedIn() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		OIDCTokenResponse tokens;
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI back = TestSite.follow(browser,
					site.authorizationRequest(verifier, new Nonce(), "openid email", site.callback));
			tokens = (OIDCTokenResponse) site.redeem(new AuthorizationCode(TestSite.parameter(back, "code")), verifier)
				.toSuccessResponse();
		}
		JWTClaimsSet idToken = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
		assertThat(idToken.getClaims()).as("not asked for in the ID token").doesNotContainKeys("email", "name");
		assertThat(idToken.getStringClaim("acr")).isEqualTo(AuthenticationMethods.SINGLE_FACTOR);
		assertThat(idToken.getStringListClaim("amr")).isEqualTo(List.of("pwd"));

		UserInfo userInfo = userInfo(site, tokens.getOIDCTokens().getBearerAccessToken());
		assertThat(userInfo.getEmailAddress()).isEqualTo(person.email());
		assertThat(userInfo.getEmailVerified()).isTrue();
		assertThat(userInfo.toJSONObject()).as("profile was not granted").doesNotContainKeys("name", "school");

		HttpResponse<String> posted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(site.endpoint("/userinfo"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("access_token=" + URLEncoder
					.encode(tokens.getOIDCTokens().getBearerAccessToken().getValue(), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		assertThat(posted.body()).contains(person.email());
	}

	@Test
	void theClaimsParameterSurvivesTheSignInAndReleasesWhatItAsksForWhereItAsks() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		String claims = "{\"id_token\":{\"email\":{\"essential\":true},\"acr\":null},"
				+ "\"userinfo\":{\"name\":{\"essential\":true},\"birthdate\":{\"essential\":true}}}";
		URI request = URI.create(site.authorizationRequest(verifier, new Nonce(), "openid", site.callback) + "&claims="
				+ URLEncoder.encode(claims, StandardCharsets.UTF_8));
		OIDCTokenResponse tokens;
		try (Browser browser = new Browser(port)) {
			HtmlPage login = browser.client().getPage(request.toURL());
			assertThat(login.getUrl().getPath()).isEqualTo("/login");
			HtmlForm form = login.getForms()
				.stream()
				.filter(candidate -> candidate.getActionAttribute().endsWith("/login"))
				.findFirst()
				.orElseThrow();
			form.getInputByName("username").setValue(person.email());
			form.getInputByName("password").setValue(person.password());
			browser.client().getOptions().setRedirectEnabled(false);
			String next = ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click()
				.getWebResponse()
				.getResponseHeaderValue("Location");
			URI back = TestSite.follow(browser, request.resolve(next));
			tokens = (OIDCTokenResponse) site.redeem(new AuthorizationCode(TestSite.parameter(back, "code")), verifier)
				.toSuccessResponse();
		}
		JWTClaimsSet idToken = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
		assertThat(idToken.getStringClaim("email")).isEqualTo(person.email());
		assertThat(idToken.getClaims()).as("asked for in UserInfo only").doesNotContainKey("name");
		assertThat(tokens.getOIDCTokens().getAccessToken().getScope().toStringList()).as("the scopes of the claims")
			.contains("openid", "email", "profile");
		UserInfo userInfo = userInfo(site, tokens.getOIDCTokens().getBearerAccessToken());
		assertThat(userInfo.getName()).isEqualTo(person.username());
		// A profile claim not held here (docs/conformance.md) is omitted, even when
		// essential (Core 5.3.2, 5.5.1); the profile claims held are all given.
		assertThat(userInfo.toJSONObject()).doesNotContainKey("birthdate")
			.containsKeys("name", "preferred_username", "locale");
	}

	private static UserInfo userInfo(TestSite site, BearerAccessToken token) throws Exception {
		UserInfoResponse response = UserInfoResponse
			.parse(new UserInfoRequest(site.endpoint("/userinfo"), token).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).isTrue();
		return response.toSuccessResponse().getUserInfo();
	}

}
