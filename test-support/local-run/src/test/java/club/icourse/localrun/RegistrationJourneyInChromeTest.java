package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.browser.PolicyWatchingChrome;
import club.icourse.testsupport.mail.MailContent;
import club.icourse.testsupport.mail.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 15's journey across both apps, in the system's Chromium, on the product as it
 * runs (both jars, two instances of each behind balancers: the shared {@link Cluster}, on
 * the test MariaDB server, mail to the test mail server): a new student goes to sign in
 * at the review site, registers at iCourse ID, confirms by the mailed link, and lands
 * back at the review site signed in, without a policy violation on either site.
 */
class RegistrationJourneyInChromeTest {

	private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/confirm\\?token=[\\w-]+");

	@BeforeAll
	static void chromium() {
		if (!PolicyWatchingChrome.installed()) {
			assertThat(System.getenv("CI")).as("CI installs chromium and chromium-driver (.ci/run)")
				.isNotEqualTo("true");
			Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver");
		}
	}

	@Test
	void aNewStudentRegistersConfirmsByMailAndLandsSignedInAtTheReviewSite() throws Exception {
		Cluster cluster = Cluster.shared();
		String username = "newcomer" + System.nanoTime() % 1_000_000;
		String email = username + "@mail.ustc.edu.cn";
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			WebDriver driver = chrome.driver();
			assertThat(chrome.open(cluster.reviewPublic + "/?lang=en")).isEmpty();
			driver.findElement(By.cssSelector("a[href$='/oauth2/authorization/icourse']")).click();
			chrome.waitUntil("iCourse ID's sign-in page", d -> d.getCurrentUrl().startsWith(cluster.authPublic));
			driver.findElement(By.cssSelector("a[href*='/register']")).click();
			chrome.waitUntil("the registration form", d -> !d.findElements(By.id("register-form")).isEmpty());
			chrome.type("email", email);
			chrome.type("username", username);
			chrome.type("password", "a long and new pass phrase 42");
			driver.findElement(By.cssSelector("#register-form button[type='submit']")).click();
			chrome.waitUntil("the page that says to look for the mail",
					d -> d.findElements(By.id("register-form")).isEmpty());
			assertThat(chrome.violations()).as("registering").isEmpty();

			assertThat(chrome.open(confirmationLink(email))).isEmpty();
			driver.findElement(By.cssSelector("form[action$='/confirm'] button[type='submit']")).click();
			chrome.waitUntil("the review site, signed in",
					d -> d.getCurrentUrl().startsWith(cluster.reviewPublic) && d.getPageSource().contains(username));
			assertThat(driver.findElement(By.tagName("nav")).getText()).contains(username);
			assertThat(chrome.violations()).as("back at the review site").isEmpty();
		}
	}

	/** The link of the confirmation mail to the address, once the outbox has sent it. */
	private static String confirmationLink(String email) throws Exception {
		MimeMessage mail = TestMailServer.shared().awaitMessageTo(email, Duration.ofSeconds(60));
		assertThat(mail).as("the confirmation mail to " + email).isNotNull();
		Matcher link = CONFIRM_LINK.matcher(MailContent.of(mail).text());
		assertThat(link.find()).as("a confirmation link in the mail").isTrue();
		return link.group();
	}

}
