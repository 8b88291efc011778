package club.icourse.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.auth.TestAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile or broken input gets the form back with a clear message, or a 4xx; never a 500,
 * and nothing is stored.
 */
@AuthServerTest
class BadInputTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "someone@gmail.com|GOOD|correct horse battery|Use your university email address",
					"NEW|<script>alert(1)</script>|correct horse battery|cannot contain any of",
					"NEW|a\u202eb|correct horse battery|invisible or control characters",
					"NEW|admin|correct horse battery|reserved", "NEW|GOOD|password1|too common",
					"NEW|GOOD|short|at least 8 characters", "NEW|GOOD|''|Please fill in this field",
					"''|GOOD|correct horse battery|Please fill in this field" })
	void refusedRegistrationsShowTheFormWithTheReasonAndStoreNothing(String email, String username, String password,
			String message) throws IOException {
		int before = TestAccounts.accountCount(dsl);
		try (Browser browser = new Browser(port)) {
			HtmlPage page = browser.submit(browser.open("/register"), "/register", "email",
					"NEW".equals(email) ? Mailbox.newStudentAddress() : email, "username",
					"GOOD".equals(username) ? Mailbox.newUsername() : username, "password", password);
			assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(page.getUrl().getPath()).isEqualTo("/register");
			assertThat(page.asNormalizedText()).contains(message);
			assertThat(page.asXml()).doesNotContain("<script>alert(1)</script>");
			assertThat(page.getElementById("password").getAttribute("value")).isEmpty();
		}
		assertThat(TestAccounts.accountCount(dsl)).isEqualTo(before);
	}

	@Test
	void overlongFieldsAreRefusedNotTruncated() throws IOException, InterruptedException {
		int before = TestAccounts.accountCount(dsl);
		HttpResponse<String> response = postWithSession("/register", "email=" + "a".repeat(5000) + "%40mail.ustc.edu.cn"
				+ "&username=" + "b".repeat(5000) + "&password=" + "c".repeat(5000));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("This is too long.");
		assertThat(TestAccounts.accountCount(dsl)).isEqualTo(before);
	}

	@Test
	void aMissingOrWrongCsrfTokenIsForbiddenWithAPageNotAStackTrace() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/register"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.header("Accept-Language", "en")
				.POST(HttpRequest.BodyPublishers
					.ofString("email=x%40mail.ustc.edu.cn&username=x&password=yyyyyyyyyy&_csrf=forged"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Something went wrong").doesNotContain("Exception", "at org.");
	}

	@Test
	void invalidUtf8IsRefusedCleanlyAndStoresNothing() throws IOException, InterruptedException {
		int before = TestAccounts.accountCount(dsl);
		HttpResponse<String> response = postWithSession("/register",
				"email=%FF%FEx%40mail.ustc.edu.cn&username=%C0%AF&password=correct+horse+battery");
		assertThat(response.statusCode()).isBetween(200, 499);
		assertThat(response.body()).doesNotContain("Exception");
		assertThat(TestAccounts.accountCount(dsl)).isEqualTo(before);
	}

	/**
	 * Posts raw form data in a real session with its CSRF token, as a browser that sends
	 * anything would.
	 */
	private HttpResponse<String> postWithSession(String path, String body) throws IOException, InterruptedException {
		try (Browser browser = new Browser(port)) {
			HtmlPage form = browser.open("/register");
			String csrf = form.getElementByName("_csrf").getAttribute("value");
			String session = browser.client().getCookieManager().getCookie(Browser.SESSION_COOKIE).getValue();
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept-Language", "en")
					.header("Cookie", Browser.SESSION_COOKIE + "=" + session)
					.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&" + body))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
	}

}
