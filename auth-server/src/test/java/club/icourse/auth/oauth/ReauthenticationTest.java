package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.time.Instant;
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
 * prompt=login and max_age make a signed-in person prove themselves again; auth_time says
 * when they did.
 */
@AuthServerTest
class ReauthenticationTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void promptLoginSignsThePersonInAgainOnceAndTheIdTokenSaysWhen() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		Instant start = Instant.now().minusSeconds(1);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			CodeVerifier verifier = new CodeVerifier();
			URI request = URI.create(
					site.authorizationRequest(verifier, new Nonce(), "openid", TestSite.CALLBACK) + "&prompt=login");

			URI restarted = TestSite.follow(browser, request);
			assertThat(restarted.getPath()).isEqualTo("/oauth2/authorize");
			assertThat(restarted.getQuery()).doesNotContain("prompt");
			URI toLogin = TestSite.follow(browser, restarted);
			assertThat(toLogin.getPath()).isEqualTo("/login");

			HtmlPage login = browser.open("/login");
			HtmlForm form = login.getForms()
				.stream()
				.filter(f -> f.getActionAttribute().endsWith("/login"))
				.findFirst()
				.orElseThrow();
			form.getInputByName("username").setValue(person.email());
			form.getInputByName("password").setValue(person.password());
			WebResponse afterLogin = ((HtmlButton) form.getFirstByXPath(".//button")).click().getWebResponse();
			URI back = TestSite.follow(browser, URI.create(afterLogin.getResponseHeaderValue("Location")));
			assertThat(back.toString()).startsWith(TestSite.CALLBACK.toString());

			OIDCTokenResponse tokens = (OIDCTokenResponse) site
				.redeem(new AuthorizationCode(TestSite.parameter(back, "code")), verifier)
				.toSuccessResponse();
			assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getDateClaim("auth_time").toInstant())
				.isAfter(start);
		}
	}

	@Test
	void aRecentEnoughSignInSatisfiesMaxAge() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI request = URI
				.create(site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid", TestSite.CALLBACK)
						+ "&max_age=3600");
			assertThat(TestSite.follow(browser, request).toString()).startsWith(TestSite.CALLBACK.toString());
		}
	}

}
