package club.icourse.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.SoftwareAuthenticator;
import club.icourse.auth.SoftwareAuthenticator.Answer;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.TestTotp;
import club.icourse.auth.passkeys.PasskeySettings;
import java.io.IOException;
import java.net.URI;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Administrators must use a second factor (the product's default, which the other tests
 * switch off so that their administrators sign in with a password alone): an app, or a
 * passkey after the password.
 */
@AuthServerTest
@TestPropertySource(properties = "icourse.security.second-factor-required-roles=ADMIN")
class AdminSecondFactorTest {

	private static final String SECOND_STEP = "/login/second-factor";

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	PasskeySettings passkeys;

	@Test
	void anAdministratorWithoutASecondFactorIsSentToSetOneUpBeforeTheConsole() throws IOException {
		Person admin = TestAccounts.registerAdmin(port, dsl);
		Person student = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			HtmlPage signedIn = browser.signIn(admin.email(), admin.password());
			assertThat(signedIn.getUrl().getPath()).isEqualTo("/account/security");
			assertThat(signedIn.asNormalizedText()).contains("Your account must use a second factor.");

			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/account/security");
			// The last page asked for is where setting up the factor leads.
			HtmlPage console = browser.open("/admin/clients");
			assertThat(console.getUrl().getPath()).isEqualTo("/account/security");

			TestTotp app = TestTotp.enrol(browser, console, admin.password());
			HtmlAnchor onwards = (HtmlAnchor) app.confirmation().getElementById("continue");
			assertThat(onwards.click().getUrl().getPath()).isEqualTo("/admin/clients");
			assertThat(browser.open("/admin/clients").getWebResponse().getStatusCode()).isEqualTo(200);
		}
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(student.email(), student.password()).getUrl().getPath()).isEqualTo("/account");
		}
	}

	@Test
	void anAdministratorsPasskeyAfterThePasswordIsTheirSecondFactor() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = new SoftwareAuthenticator(passkeys.rpId(), false);
		String origin = passkeys.origins().getFirst();
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			assertThat(passkey.register(browser, origin, "Security key").status()).isEqualTo(200);
		}
		Person admin = TestAccounts.makeAdmin(person, dsl);
		try (Browser browser = new Browser(port)) {
			HtmlPage second = browser.signIn(admin.email(), admin.password());
			assertThat(second.getUrl().getPath()).as("not sent to set up an app").isEqualTo(SECOND_STEP);
			assertThat(second.getElementById("code")).as("no app to ask a code of").isNull();
			assertThat(second.asNormalizedText()).contains("Confirm it is you with one of your passkeys");
			assertThat(browser.open("/admin/clients").getUrl().getPath()).isEqualTo(SECOND_STEP);

			Answer shown = passkey.secondStep(browser, origin);
			assertThat(shown.status()).as(shown.body().toString()).isEqualTo(200);
			assertThat(URI.create(shown.body().get("redirectUrl").asString()).getPath()).as("the page asked for")
				.isEqualTo("/admin/clients");
			assertThat(browser.open("/admin/clients").getWebResponse().getStatusCode()).isEqualTo(200);
		}
	}

}
