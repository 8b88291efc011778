package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A new person who starts at a site's "sign in", registers on the way and confirms their
 * address by the mailed link in the same browser ends up back at the site, signed in,
 * instead of on their account page.
 */
@AuthServerTest
class RegistrationJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void confirmingTheAddressGoesOnWithTheSitesAuthorizationRequest() throws Exception {
		TestSite site = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		URI request = site.authorizationRequest(verifier, new Nonce(), "openid profile email", site.callback);
		String email = Mailbox.newStudentAddress();
		try (Browser browser = new Browser(port)) {
			HtmlPage login = browser.open(request.toString().substring(site.endpoint("").toString().length()));
			assertThat(login.getUrl().getPath()).isEqualTo("/login");
			browser.submit(browser.open("/register"), "/register", "email", email, "username", Mailbox.newUsername(),
					"password", "correct horse battery");

			HtmlPage confirm = browser.follow(Mailbox.awaitMail(email, 1).links().getFirst());
			HtmlForm form = confirm.getForms()
				.stream()
				.filter(candidate -> candidate.getActionAttribute().endsWith("/confirm"))
				.findFirst()
				.orElseThrow();
			browser.client().getOptions().setRedirectEnabled(false);
			WebResponse confirmed = browser.client().loadWebResponse(form.getWebRequest(null));
			assertThat(confirmed.getStatusCode()).isEqualTo(302);
			URI next = request.resolve(confirmed.getResponseHeaderValue("Location"));
			assertThat(next.getPath()).isEqualTo("/oauth2/authorize");

			URI back = TestSite.follow(browser, next);
			assertThat(back.toString()).startsWith(site.callback.toString());
			assertThat(TestSite.parameter(back, "state")).isEqualTo(TestSite.parameter(request, "state"));
			AuthorizationCode code = new AuthorizationCode(TestSite.parameter(back, "code"));
			assertThat(site.redeem(code, verifier).indicatesSuccess()).isTrue();
		}
	}

	@Test
	void withoutAnInterruptedRequestTheAccountPageFollows() throws Exception {
		String email = Mailbox.newStudentAddress();
		try (Browser browser = new Browser(port)) {
			browser.submit(browser.open("/register"), "/register", "email", email, "username", Mailbox.newUsername(),
					"password", "correct horse battery");
			HtmlPage account = browser.submit(browser.follow(Mailbox.awaitMail(email, 1).links().getFirst()),
					"/confirm");
			assertThat(account.getUrl().getPath()).isEqualTo("/account");
		}
	}

}
