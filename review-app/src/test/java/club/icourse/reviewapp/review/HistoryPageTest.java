package club.icourse.reviewapp.review;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review's history shows each version's ratings and what changed from the one before.
 */
@ReviewAppTest
class HistoryPageTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Autowired
	PersonRepository people;

	@Test
	void eachVersionShowsItsRatingsAndTheChangesFromTheOneBefore() throws Exception {
		long course = new TestCatalogue(dsl).course("历史评分课" + System.nanoTime() % 100_000, "2024-autumn",
				"2025-spring");
		Identity student = Identity.student("hist" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(student);
			Person author = people.byUsername(student.username()).orElseThrow();
			long id = reviews.write(author, new ReviewDraft(course, "2024-autumn", 8, 1, 2, 1, 1, "不错", false, false));
			reviews.write(author, new ReviewDraft(course, "2025-spring", 4, 3, 2, 1, 1, "不错", false, false));
			reviews.write(author, new ReviewDraft(course, "2025-spring", 4, 3, 2, 1, 1, "其实一般", false, false));

			HtmlPage history = browser.open("/reviews/" + id + "/history");
			var versions = history.getByXPath("//*[contains(@class,'history-version')]");
			assertThat(versions).hasSize(3);
			String first = ((DomElement) versions.get(0)).asNormalizedText();
			String second = ((DomElement) versions.get(1)).asNormalizedText();
			String third = ((DomElement) versions.get(2)).asNormalizedText();
			assertThat(first).contains("4.0 ★", "Autumn 2024", "Difficulty: Easy", "Homework: Medium");
			assertThat(second).contains("2.0 ★", "Spring 2025", "Difficulty: Hard")
				.contains("Overall rating: 4.0 ★ → 2.0 ★", "Difficulty: Easy → Hard", "Term: Autumn 2024 → Spring 2025")
				.doesNotContain("Homework: Medium →", "Text changed");
			assertThat(third).contains("Text changed").doesNotContain("→");
		}
	}

}
