package club.icourse.reviewapp.system;

import static club.icourse.db.review.Tables.NOTIFICATION;
import static club.icourse.db.review.Tables.REVIEW_DRAFT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.testsupport.browser.PolicyWatchingChrome;
import club.icourse.testsupport.web.PagesInChromeChecks;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The key pages in a real browser with the Content-Security-Policy on: each is used as a
 * person would (search-as-you-type, a review previewed) and none may cause a violation.
 */
@ReviewAppTest
class PagesInChromeTest extends PagesInChromeChecks {

	@Autowired
	DSLContext dsl;

	@Autowired
	PersonRepository people;

	@Autowired
	Follows follows;

	@Autowired
	Reviews reviews;

	@Autowired
	Comments comments;

	PagesInChromeTest() {
		super("/");
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
			signIn(chrome, admin);

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

	/**
	 * Issue 15: on a phone the navbar collapses behind its menu button, and the unread
	 * count stays in sight beside the button instead of inside the closed menu.
	 */
	@Test
	void theUnreadCountShowsBesideTheCollapsedMenuOnAPhone() {
		Identity student = Identity.student("phone" + System.nanoTime() % 1_000_000);
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			signIn(chrome, student);
			Person person = people.byUsername(student.username()).orElseThrow();
			follows.setPerson(new TestCatalogue(dsl).student(), person.id(), true);
			WebDriver driver = chrome.driver();

			chrome.phone(390, 844);
			assertThat(chrome.open(url("/courses"))).isEmpty();
			assertThat(driver.findElement(By.id("site-nav")).isDisplayed()).as("the menu is collapsed").isFalse();
			WebElement badge = driver.findElement(By.id("unread-count-collapsed"));
			assertThat(badge.isDisplayed()).as("the unread count beside the menu button").isTrue();
			assertThat(badge.getText()).isEqualTo("1");
			Rectangle shown = badge.getRect();
			Rectangle toggler = driver.findElement(By.className("navbar-toggler")).getRect();
			assertThat(shown.getX() + shown.getWidth()).as("inside the screen, before the menu button")
				.isLessThanOrEqualTo(toggler.getX());
			assertThat(shown.getY()).as("on the navbar's first line").isLessThan(toggler.getY() + toggler.getHeight());

			chrome.desktop();
			chrome.open(url("/courses"));
			assertThat(driver.findElement(By.id("unread-count-collapsed")).isDisplayed()).as("once on a desktop")
				.isFalse();
			assertThat(driver.findElement(By.id("unread-count")).isDisplayed()).isTrue();

			chrome.phone(390, 844);
			chrome.open(url("/courses"));
			driver.findElement(By.id("unread-count-collapsed")).click();
			chrome.waitUntil("the notifications", d -> d.getCurrentUrl().endsWith("/notifications"));
			assertThat(driver.findElements(By.id("unread-count-collapsed"))).as("read once shown").isEmpty();
		}
	}

	/**
	 * Issue 15: a comment's reply button starts the comment box with "@author ", and the
	 * reply sent tells that author.
	 */
	@Test
	void aReplyStartsWithTheCommentsAuthorAndTellsThem() {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("Reply " + System.nanoTime(), "2025-spring");
		Person author = catalogue.student();
		Person commenter = catalogue.student();
		long review = reviews.write(author,
				new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, "A review to discuss", false, false));
		comments.write(commenter, review, "Was the exam hard?");
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			signIn(chrome, Identity.student("reply" + System.nanoTime() % 1_000_000));
			assertThat(chrome.open(url("/reviews/" + review))).isEmpty();
			WebDriver driver = chrome.driver();
			driver.findElement(By.cssSelector("#review-" + review + " button.comment-reply")).click();
			WebElement box = driver.findElement(By.cssSelector("form.comment-form input[name='content']"));
			assertThat(box.getDomProperty("value")).isEqualTo("@" + commenter.username() + " ");
			box.sendKeys("not really");
			driver.findElement(By.cssSelector("form.comment-form button[type='submit']")).click();
			chrome.waitUntil("the reply", d -> d.getPageSource().contains("not really"));
			assertThat(chrome.violations()).isEmpty();
		}
		assertThat(dsl.fetchCount(NOTIFICATION,
				NOTIFICATION.RECIPIENT_ID.eq(commenter.id()).and(NOTIFICATION.KIND.eq("MENTION"))))
			.as("the comment's author is told")
			.isEqualTo(1);
	}

	/**
	 * Issue 15: the review form saves what is written while it is written and when the
	 * page is left, and another browser of the same person finds it again.
	 */
	@Test
	void aReviewBeingWrittenIsSavedAndFoundAgainInAnotherBrowser() {
		long course = new TestCatalogue(dsl).course("Draft " + System.nanoTime(), "2025-spring");
		Identity student = Identity.student("draft" + System.nanoTime() % 1_000_000);
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			signIn(chrome, student);
			assertThat(chrome.open(url("/courses/" + course + "/review"))).isEmpty();
			chrome.type("content", "The first half of a long review");
			chrome.waitUntil("the draft saved while writing", driver -> draft(course).contains("first half"));
			chrome.type("content", ", and its second half");
			chrome.open(url("/courses"));
			chrome.waitUntil("the draft saved on leaving the page", driver -> draft(course).endsWith("second half"));
			assertThat(chrome.violations()).isEmpty();
		}
		try (PolicyWatchingChrome other = PolicyWatchingChrome.start()) {
			signIn(other, student);
			assertThat(other.open(url("/courses/" + course + "/review"))).isEmpty();
			assertThat(other.driver().findElement(By.name("content")).getDomProperty("value"))
				.isEqualTo("The first half of a long review, and its second half");
			assertThat(other.driver().findElement(By.id("draft-restored")).isDisplayed()).isTrue();
		}
	}

	private String draft(long course) {
		return dsl.select(REVIEW_DRAFT.CONTENT)
			.from(REVIEW_DRAFT)
			.where(REVIEW_DRAFT.COURSE_ID.eq(course))
			.fetchOptional(REVIEW_DRAFT.CONTENT)
			.orElse("");
	}

	private void signIn(PolicyWatchingChrome chrome, Identity identity) {
		chrome.open(FakeIdentityProvider.shared().signInUrl(identity));
		chrome.open(url("/oauth2/authorization/icourse"));
		chrome.waitUntil("the signed-in site", driver -> driver.getPageSource().contains(identity.username()));
	}

}
