package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * RP-initiated logout: a site signs the person out at the provider, and only back to a
 * registered address.
 */
@AuthServerTest
class LogoutTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void aSiteSignsThePersonOutAndTheProviderSendsThemBackToItsRegisteredAddress() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			CodeVerifier verifier = new CodeVerifier();
			OIDCTokenResponse tokens = (OIDCTokenResponse) site
				.redeem(site.code(browser, verifier, new Nonce()), verifier)
				.toSuccessResponse();

			State state = new State();
			URI logout = new LogoutRequest(site.endpoint("/connect/logout"), tokens.getOIDCTokens().getIDToken(),
					TestSite.SIGNED_OUT, state)
				.toURI();
			WebResponse response = browser.client().loadWebResponse(new WebRequest(logout.toURL()));
			assertThat(response.getStatusCode()).as(response.getContentAsString()).isEqualTo(302);
			assertThat(response.getResponseHeaderValue("Location")).startsWith(TestSite.SIGNED_OUT.toString())
				.contains("state=" + state.getValue());

			browser.client().getOptions().setRedirectEnabled(true);
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");
		}
	}

	@Test
	void anUnregisteredPostLogoutAddressIsRefused() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			CodeVerifier verifier = new CodeVerifier();
			OIDCTokenResponse tokens = (OIDCTokenResponse) site
				.redeem(site.code(browser, verifier, new Nonce()), verifier)
				.toSuccessResponse();

			URI logout = new LogoutRequest(site.endpoint("/connect/logout"), tokens.getOIDCTokens().getIDToken(),
					URI.create("https://evil.example/"), new State())
				.toURI();
			WebResponse response = browser.client().loadWebResponse(new WebRequest(logout.toURL()));
			assertThat(response.getStatusCode()).isEqualTo(400);
			assertThat(response.getResponseHeaderValue("Location")).isNull();
		}
	}

}
