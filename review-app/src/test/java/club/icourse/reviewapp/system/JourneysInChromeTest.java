package club.icourse.reviewapp.system;

import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;
import static club.icourse.db.review.Tables.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.testsupport.browser.PolicyWatchingChrome;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Journeys of issue 15 in a real browser: the key pages at a phone's width (none wider
 * than the screen, no untranslated message, no policy violation), in both languages,
 * switching language on a search page, writing, editing and reading the history of a
 * review, and upvoting from the home page. People sign in through the test's stand-in
 * identity provider; registering at iCourse ID and coming back signed in is a journey of
 * both apps, in test-support/local-run.
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
		long teacher = dsl.insertInto(TEACHER)
			.set(TEACHER.IMPORT_KEY, UUID.randomUUID().toString())
			.set(TEACHER.NAME, "一位名字相当长的老师" + System.nanoTime() % 10_000)
			.set(TEACHER.CREATED_AT, LocalDateTime.now())
			.returningResult(TEACHER.ID)
			.fetchSingle()
			.value1();
		dsl.insertInto(COURSE_TEACHER)
			.set(COURSE_TEACHER.COURSE_ID, course)
			.set(COURSE_TEACHER.TEACHER_ID, teacher)
			.set(COURSE_TEACHER.POSITION, 0)
			.execute();
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
						"/reviews/" + review + "/history", "/teachers", "/teachers/" + teacher }) {
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

	/**
	 * Issue 15: a review written in the form (stars, aspects, stage, text), edited, and
	 * its history read: both versions, and what the edit changed.
	 */
	@Test
	void aReviewIsWrittenEditedAndItsHistoryRead() {
		long course = new TestCatalogue(dsl).course("Journey " + System.nanoTime(), "2024-autumn", "2025-spring");
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			signIn(chrome, Identity.student("journey" + System.nanoTime() % 1_000_000));
			WebDriver driver = chrome.driver();
			assertThat(chrome.open(url("/courses/" + course + "/review?lang=en"))).isEmpty();
			fillReview(chrome, 8, "learning", "First impressions: clear lectures.");
			chrome.waitUntil("the course page with the review", d -> d.getCurrentUrl().contains("saved"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("First impressions",
					"Taking it, no exam yet", "4.0 ★");

			assertThat(chrome.open(url("/courses/" + course + "/review"))).isEmpty();
			fillReview(chrome, 4, "graded", " After the exam: the grading was harsh.");
			chrome.waitUntil("the edited review", d -> d.getCurrentUrl().contains("saved"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("the grading was harsh",
					"Grade known", "2.0 ★");
			WebElement history = driver.findElement(By.linkText("History"));
			history.click();
			chrome.waitUntil("the history", d -> d.getCurrentUrl().contains("/history"));
			assertThat(driver.findElements(By.className("history-version"))).hasSize(2);
			assertThat(driver.findElement(By.className("history-changes")).getText())
				.contains("Where you stand: Taking it, no exam yet → Grade known", "Overall rating: 4.0 ★ → 2.0 ★");
			assertThat(driver.getPageSource()).doesNotContain("??");
			assertThat(chrome.violations()).isEmpty();
		}
	}

	/**
	 * Issue 15, defect 1: an upvote given on the home page holds (the card there shows
	 * it), and the second click there withdraws it rather than toggling blind.
	 */
	@Test
	void anUpvoteFromTheHomePageHoldsAndIsWithdrawnThere() {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("Upvote journey " + System.nanoTime(), "2025-spring");
		long review = reviews.write(catalogue.student(),
				new ReviewDraft(course, "2025-spring", 9, 2, 2, 2, 2, "Worth upvoting", false, false));
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			signIn(chrome, Identity.student("upvoter" + System.nanoTime() % 1_000_000));
			WebDriver driver = chrome.driver();
			By button = By.cssSelector("#review-" + review + " form[action$='/upvote'] button");
			assertThat(chrome.open(url("/?lang=en"))).isEmpty();
			assertThat(driver.findElement(button).getAttribute("aria-pressed")).isEqualTo("false");
			driver.findElement(button).click();
			chrome.waitUntil("the upvote counted", d -> upvotes(review) == 1);

			assertThat(chrome.open(url("/"))).isEmpty();
			assertThat(driver.findElement(button).getAttribute("aria-pressed")).as("the home card shows it")
				.isEqualTo("true");
			driver.findElement(button).click();
			chrome.waitUntil("the upvote withdrawn", d -> upvotes(review) == 0);
			assertThat(chrome.open(url("/"))).isEmpty();
			assertThat(driver.findElement(button).getAttribute("aria-pressed")).isEqualTo("false");
			assertThat(chrome.violations()).isEmpty();
		}
	}

	private void fillReview(PolicyWatchingChrome chrome, int rating, String stage, String text) {
		WebDriver driver = chrome.driver();
		String star = driver.findElement(By.cssSelector("input.star-input[value='" + rating + "']")).getAttribute("id");
		driver.findElement(By.cssSelector("label[for='" + star + "']")).click();
		for (String aspect : new String[] { "difficulty", "homework", "grading", "gain" }) {
			driver.findElement(By.id(aspect + "-2")).click();
		}
		driver.findElement(By.cssSelector("#stage option[value='" + stage + "']")).click();
		chrome.type("content", text);
		driver.findElement(By.cssSelector("#review-form button[type='submit']:not([name='preview'])")).click();
	}

	private int upvotes(long review) {
		return dsl.fetchCount(REVIEW_UPVOTE, REVIEW_UPVOTE.REVIEW_ID.eq(review));
	}

	private void signIn(PolicyWatchingChrome chrome, Identity identity) {
		chrome.open(FakeIdentityProvider.shared().signInUrl(identity));
		chrome.open(url("/oauth2/authorization/icourse"));
		chrome.waitUntil("the signed-in site", driver -> driver.getPageSource().contains(identity.username()));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
