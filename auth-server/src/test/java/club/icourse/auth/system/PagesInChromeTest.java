package club.icourse.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.oauth.TestSite;
import club.icourse.testsupport.browser.PolicyWatchingChrome;
import club.icourse.testsupport.web.PagesInChromeChecks;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.IOException;
import java.net.URI;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The key pages in a real browser with the Content-Security-Policy on: each is used as a
 * person would (live checks typed into, forms sent) and none may cause a violation.
 */
@AuthServerTest
class PagesInChromeTest extends PagesInChromeChecks {

	@Autowired
	DSLContext dsl;

	@Autowired
	RegisteredClientRepository clients;

	PagesInChromeTest() {
		super("/login");
	}

	/** Test sites and the test browser reach auth-server as localhost. */
	@Override
	protected String host() {
		return "localhost";
	}

	@Test
	void thePagesOfSigningUpAndInRunWithoutViolations() {
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			assertThat(chrome.open(url("/"))).isEmpty();
			assertThat(chrome.open(url("/login"))).isEmpty();
			assertThat(chrome.open(url("/password/forgot"))).isEmpty();
			assertThat(chrome.open(url("/no-such-page"))).isEmpty();

			chrome.open(url("/register"));
			chrome.type("email", "someone");
			chrome.type("username", "admin");
			chrome.waitUntil("the live checks' answers",
					driver -> !driver.findElement(By.cssSelector("[data-live-for='username']")).getText().isBlank()
							&& !driver.findElement(By.cssSelector("[data-live-for='email']")).getText().isBlank());
			assertThat(chrome.violations()).as("the live checks of the registration form").isEmpty();
		}
	}

	@Test
	void theAccountConsentAndAdministrationPagesRunWithoutViolations() throws IOException {
		Person admin = TestAccounts.registerAdmin(port(), dsl);
		TestSite site = new TestSite(clients, port(), URI.create("http://127.0.0.1:9/csp/callback"), false);
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			chrome.open(url("/login"));
			chrome.type("username", admin.username());
			chrome.type("password", admin.password());
			chrome.driver().findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
			chrome.waitUntil("the account page", driver -> driver.getCurrentUrl().endsWith("/account"));
			assertThat(chrome.violations()).as("the account page").isEmpty();

			assertThat(chrome.open(url("/admin"))).isEmpty();
			assertThat(chrome.open(url("/admin/clients"))).isEmpty();
			assertThat(chrome.open(url("/admin/clients/new"))).isEmpty();

			URI consent = site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid profile email",
					URI.create("http://127.0.0.1:9/csp/callback"));
			chrome.open(consent.toString());
			assertThat(chrome.driver().getCurrentUrl()).contains("/oauth2/consent");
			assertThat(chrome.violations()).as("the consent page").isEmpty();
		}
	}

}
