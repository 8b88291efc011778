package club.icourse.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.TestTotp;
import java.io.IOException;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Administrators must use a second factor (the product's default, which the other tests
 * switch off so that their administrators sign in with a password alone).
 */
@AuthServerTest
@TestPropertySource(properties = "icourse.security.second-factor-required-roles=ADMIN")
class AdminSecondFactorTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

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

}
