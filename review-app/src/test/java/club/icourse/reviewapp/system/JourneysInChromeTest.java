package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
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
 * Journeys of issue 15 in a real browser: the key pages at a phone's width (none wider
 * than the screen, no untranslated message, no policy violation), in both languages, and
 * switching language on a search page.
 */
@ReviewAppTest
class JourneysInChromeTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@BeforeAll
	static void chromium() {
		if (!PolicyWatchingChrome.installed()) {
			assertThat(System.getenv("CI")).as("CI installs chromium and chromium-driver (.ci/run)")
				.isNotEqualTo("true");
			Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver");
		}
	}

	@Test
	void theKeyPagesFitAPhoneInBothLanguages() {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("手机宽度测试课程名称比较长的一门课" + System.nanoTime() % 10_000, "2025-spring");
		Person author = catalogue.student();
		long review = reviews.write(author, new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2,
				"一段很长的点评" + "很".repeat(300) + " https://example.com/" + "x".repeat(200), false, false));
		Identity student = Identity.student("narrow" + System.nanoTime() % 1_000_000);
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			chrome.open(FakeIdentityProvider.shared().signInUrl(student));
			chrome.open(url("/oauth2/authorization/icourse"));
			chrome.waitUntil("the signed-in site", driver -> driver.getPageSource().contains(student.username()));
			chrome.phone(390, 844);
			for (String language : new String[] { "zh-CN", "en" }) {
				chrome.open(url("/?lang=" + language));
				for (String path : new String[] { "/", "/courses", "/courses/" + course, "/reviews/" + review,
						"/search?q=%E6%89%8B%E6%9C%BA", "/stats", "/announcements", "/notifications", "/following",
						"/people/" + author.username(), "/settings", "/courses/" + course + "/review",
						"/reviews/" + review + "/history" }) {
					String page = path + " (" + language + ", 390 px)";
					assertThat(chrome.open(url(path))).as(page).isEmpty();
					long width = (Long) ((JavascriptExecutor) chrome.driver())
						.executeScript("return document.documentElement.scrollWidth;");
					assertThat(width).as("wider than the screen: " + page).isLessThanOrEqualTo(390);
					assertThat(chrome.driver().getPageSource()).as("an untranslated message on " + page)
						.doesNotContain("??");
				}
			}
		}
	}

	@Test
	void switchingLanguageOnASearchPageKeepsTheSearch() {
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			chrome.open(url("/search?q=%E6%95%B0%E5%AD%A6&lang=en"));
			chrome.driver().findElement(By.cssSelector("a[lang='zh']")).click();
			chrome.waitUntil("the Chinese page",
					driver -> "zh-CN".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
			assertThat(chrome.driver().getCurrentUrl()).contains("q=%E6%95%B0%E5%AD%A6");
			assertThat(chrome.driver().findElement(By.name("q")).getDomProperty("value")).isEqualTo("数学");
			assertThat(chrome.violations()).isEmpty();
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
