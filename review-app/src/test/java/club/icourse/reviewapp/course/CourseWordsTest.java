package club.icourse.reviewapp.course;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Terms and the course's average sub-ratings in words of the page's language. */
@ReviewAppTest
class CourseWordsTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Test
	void termsAndAverageSubRatingsAreWordsInBothLanguages() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("学期名称课" + System.nanoTime() % 100_000, "2024-autumn", "2025-spring");
		reviews.write(catalogue.student(), new ReviewDraft(course, "2025-spring", 8, 1, 1, 1, 1, "简单", false, false));
		reviews.write(catalogue.student(), new ReviewDraft(course, "2024-autumn", 6, 2, 3, 3, 3, "一般", false, false));
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage chinese = browser.open("/courses/" + course + "?lang=zh-CN");
			assertThat(chinese.asNormalizedText()).contains("2025 春季学期", "2024 秋季学期")
				.doesNotContain("2025-spring", "2024-autumn", "1 到 3");
			assertThat(chinese.getElementById("course-averages").asNormalizedText()).as("averages 1.5, 2, 2, 2")
				.contains("难度: 中等", "作业: 中等", "给分: 一般", "收获: 一般");
			HtmlPage list = browser.open("/courses?lang=zh-CN");
			assertThat(list.getElementById("term").getElementsByTagName("option"))
				.extracting(option -> option.getTextContent())
				.contains("2025 春季学期")
				.doesNotContain("2025-spring");

			HtmlPage english = browser.open("/courses/" + course + "?lang=en");
			assertThat(english.asNormalizedText()).contains("Spring 2025", "Autumn 2024")
				.doesNotContain("2025-spring", "1 to 3");
			assertThat(english.getElementById("course-averages").asNormalizedText()).contains("Difficulty: Medium",
					"Homework: Medium", "Grading: Fair", "Gain: Some");

			browser.signIn(Identity.student("term" + System.nanoTime() % 1_000_000));
			HtmlPage form = browser.open("/courses/" + course + "/review?lang=zh-CN");
			assertThat(form.getElementById("term").getElementsByTagName("option"))
				.extracting(option -> option.getTextContent())
				.containsExactly("2025 春季学期", "2024 秋季学期");
			assertThat(form.getElementById("term").getElementsByTagName("option").get(0).getAttribute("value"))
				.isEqualTo("2025-spring");
		}
	}

}
