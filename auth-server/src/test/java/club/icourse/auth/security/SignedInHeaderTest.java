package club.icourse.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import java.io.IOException;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page's header says whether someone is signed in and offers the administration
 * only to administrators, from what {@link SignedInHeader} works out once per request.
 */
@AuthServerTest
class SignedInHeaderTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void aVisitorIsOfferedSignInAndRegistrationASignedInPersonTheirAccountAndSignOut() throws IOException {
		try (Browser browser = new Browser(port)) {
			assertThat(header(browser.open("/login"))).contains("Sign in", "Register").doesNotContain("Sign out");
			Person person = TestAccounts.registerAndConfirm(port);
			browser.signIn(person.email(), person.password());
			for (String path : new String[] { "/", "/account", "/no-such-page" }) {
				assertThat(header(browser.open(path))).as(path)
					.contains("My account", "Sign out")
					.doesNotContain("Sign in", "Register", "Administration");
			}
		}
		Person admin = TestAccounts.registerAdmin(port, dsl);
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			assertThat(header(browser.open("/"))).contains("Administration", "Sign out");
		}
	}

	private static String header(HtmlPage page) {
		return page.querySelector("nav").asNormalizedText();
	}

}
