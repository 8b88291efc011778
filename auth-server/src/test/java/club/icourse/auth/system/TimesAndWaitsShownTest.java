package club.icourse.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import java.io.IOException;
import java.util.Locale;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Issue 15: times on iCourse ID's pages are the school's (TIME_ZONE, China time by
 * default) and say so, as on the review site; waits are told with the right plural.
 */
@AuthServerTest
class TimesAndWaitsShownTest {

	private static final String CHINA_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})? UTC\\+8";

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Test
	void theAccountPageShowsTimesInChinaTimeLabelled() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			HtmlPage account = browser.open("/account");
			DomElement firstSignIn = account.getFirstByXPath("//tbody/tr/td[1]");
			assertThat(firstSignIn.asNormalizedText()).as("the sign-in history").matches(CHINA_TIME);
			assertThat(account.getElementsByTagName("dd").stream().map(DomElement::asNormalizedText))
				.as("the account's creation")
				.anyMatch(text -> text.matches(CHINA_TIME));
		}
	}

	@Test
	void aWaitOfOneSecondIsSingularAndAWaitThatIsNoNumberIsNotShown() throws IOException {
		try (Browser browser = new Browser(port)) {
			assertThat(browser.open("/login?wait=1").asNormalizedText()).contains("Please try again in 1 second.");
			assertThat(browser.open("/login?wait=30").asNormalizedText()).contains("Please try again in 30 seconds.");
			HtmlPage notANumber = browser.open("/login?wait=ever.%20Call%20us");
			assertThat(notANumber.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(notANumber.asNormalizedText()).doesNotContain("Too many failed attempts", "Call us");
		}
		try (Browser browser = new Browser(port, Locale.SIMPLIFIED_CHINESE)) {
			assertThat(browser.open("/login?wait=1").asNormalizedText()).contains("请在 1 秒后再试");
		}
		assertThat(messages.getMessage("ratelimit.retry-after", new Object[] { 1L }, Locale.ENGLISH))
			.endsWith("try again in 1 second.");
		assertThat(messages.getMessage("ratelimit.retry-after", new Object[] { 5L }, Locale.ENGLISH))
			.endsWith("try again in 5 seconds.");
	}

}
