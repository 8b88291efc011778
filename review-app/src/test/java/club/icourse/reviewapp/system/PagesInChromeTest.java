package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.testsupport.browser.PolicyWatchingChrome;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The key pages in a real browser with the Content-Security-Policy on: each is used as a
 * person would (search-as-you-type, a review previewed) and none may cause a violation.
 */
@ReviewAppTest
class PagesInChromeTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@BeforeAll
	static void chromium() {
		if (!PolicyWatchingChrome.installed()) {
			assertThat(System.getenv("CI")).as("CI installs chromium and chromium-driver (.ci/run)")
				.isNotEqualTo("true");
			Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver");
		}
	}

	@Test
	void theReadersPagesRunWithoutViolations() {
		long course = new TestCatalogue(dsl).course("Policy " + System.nanoTime(), "2025-spring");
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			for (String path : new String[] { "/", "/courses", "/courses/" + course, "/search?q=policy", "/stats",
					"/announcements", "/no-such-page" }) {
				assertThat(chrome.open(url(path))).as(path).isEmpty();
			}
			chrome.type("q", "pol");
			chrome.waitUntil("the search box to ask for suggestions", driver -> (Boolean) ((JavascriptExecutor) driver)
				.executeScript(
						"return performance.getEntriesByType('resource').some(e => e.name.includes('/search/suggestions'));"));
			assertThat(chrome.violations()).as("search as you type").isEmpty();
		}
	}

	@Test
	void thePagesOfSignedInPeopleAndAdministratorsRunWithoutViolations() {
		long course = new TestCatalogue(dsl).course("Policy " + System.nanoTime(), "2025-spring");
		Identity admin = Identity.admin("csp" + System.nanoTime() % 1_000_000);
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			chrome.open(FakeIdentityProvider.shared().signInUrl(admin));
			chrome.open(url("/oauth2/authorization/icourse"));
			chrome.waitUntil("the signed-in site", driver -> driver.getPageSource().contains(admin.username()));

			chrome.open(url("/courses/" + course + "/review"));
			chrome.type("content",
					"**Good** <script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:alert(3))");
			chrome.driver().findElement(By.cssSelector("#review-form button[name='preview']")).click();
			chrome.waitUntil("the preview", driver -> !driver.findElements(By.id("preview")).isEmpty());
			assertThat(chrome.violations()).as("a review's preview").isEmpty();

			for (String path : new String[] { "/settings", "/people/" + admin.username(), "/notifications",
					"/following", "/admin/reports", "/admin/announcements", "/admin/activity", "/admin/moderation-log",
					"/courses/" + course + "/edit" }) {
				assertThat(chrome.open(url(path))).as(path).isEmpty();
			}
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
