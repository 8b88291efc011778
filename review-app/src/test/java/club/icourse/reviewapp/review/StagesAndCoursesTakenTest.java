package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.course.CourseNotFoundException;
import club.icourse.reviewapp.course.CoursesTaken;
import club.icourse.reviewapp.people.Person;
import java.util.List;
import java.util.Optional;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, "where a review stands": a stage on each review, "courses I took" on the
 * profile, and the review form on the term the writer took the course in.
 */
@ReviewAppTest
class StagesAndCoursesTakenTest {

	@LocalServerPort
	int port;

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewListing listing;

	@Autowired
	CoursesTaken taken;

	@Autowired
	DSLContext dsl;

	private TestCatalogue catalogue;

	private long course;

	@BeforeEach
	void setUp() {
		catalogue = new TestCatalogue(dsl);
		course = catalogue.course("进度测试课", "2024-autumn", "2025-spring");
	}

	@Test
	void aReviewSaysItsStageOrNoneAndAnUnknownStageIsRefused() {
		Person author = catalogue.student();
		long id = reviews.write(author, draft("graded"));
		assertThat(listing.one(id, Optional.of(author)).orElseThrow().stage()).isEqualTo("graded");
		reviews.write(author, draft(null));
		assertThat(listing.one(id, Optional.of(author)).orElseThrow().stage()).isNull();
		assertThatThrownBy(() -> reviews.write(author, draft("passed"))).isInstanceOf(ReviewRefusedException.class)
			.extracting(refused -> ((ReviewRefusedException) refused).problems())
			.isEqualTo(List.of(new ReviewProblem("stage", "stage")));
	}

	@Test
	void aCourseTakenIsKeptWithItsTermOrNoneAndOnlyOneOfTheCoursesTerms() {
		Person student = catalogue.student();
		assertThat(taken.termOf(Optional.of(student), course)).isEmpty();
		taken.take(student, course, " ");
		assertThat(taken.termOf(Optional.of(student), course)).contains("");
		taken.take(student, course, "2024-autumn");
		assertThat(taken.termOf(Optional.of(student), course)).contains("2024-autumn");
		assertThat(taken.of(student.id())).singleElement()
			.extracting(CoursesTaken.CourseTaken::term)
			.isEqualTo("2024-autumn");
		assertThatThrownBy(() -> taken.take(student, course, "1999-spring"))
			.isInstanceOf(CourseNotFoundException.class);
		assertThatThrownBy(() -> taken.take(student, -1, null)).isInstanceOf(CourseNotFoundException.class);
		taken.forget(student, course);
		assertThat(taken.of(student.id())).isEmpty();
		assertThat(taken.termOf(Optional.empty(), course)).isEmpty();
	}

	@Test
	void theCourseTakenShowsOnTheProfileAndTheReviewFormStartsOnItsTerm() throws Exception {
		String username = "st" + System.nanoTime() % 1_000_000;
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.student(username));
			HtmlPage coursePage = browser.open("/courses/" + course);
			HtmlForm takenForm = browser.form(coursePage, "/taken");
			takenForm.getSelectByName("term").setSelectedAttribute("2024-autumn", true);
			HtmlPage saved = ReviewBrowser.submit(takenForm);
			assertThat(saved.getElementById("taken").asNormalizedText()).startsWith("You took this course in");

			HtmlForm review = browser.form(browser.open("/courses/" + course + "/review"), "/review");
			assertThat(review.getSelectByName("term").getSelectedOptions().getFirst().getValueAttribute())
				.as("the term taken, not the newest")
				.isEqualTo("2024-autumn");
			review.getTextAreaByName("content").setText("考完了，等成绩");
			review.getSelectByName("stage").setSelectedAttribute("examined", true);
			HtmlPage published = ReviewBrowser.submit(review);
			assertThat(published.asNormalizedText()).contains("Finished, grade not known");
			assertThat(browser.form(browser.open("/courses/" + course + "/review"), "/review")
				.getSelectByName("stage")
				.getSelectedOptions()
				.getFirst()
				.getValueAttribute()).isEqualTo("examined");

			assertThat(browser.open("/people/" + username).asNormalizedText()).contains("Courses I took", "进度测试课");
			assertThat(browser.open("/people/" + username + "?lang=zh-CN").asNormalizedText()).contains("我上过的课");
			try (ReviewBrowser other = new ReviewBrowser(port)) {
				assertThat(other.open("/people/" + username).asNormalizedText()).contains("Courses taken", "进度测试课");
				dsl.update(PERSON).set(PERSON.HIDE_FOLLOWS, true).where(PERSON.USERNAME.eq(username)).execute();
				assertThat(other.open("/people/" + username).asNormalizedText()).doesNotContain("Courses taken");
			}

			HtmlPage undone = ReviewBrowser.submit(browser.form(browser.open("/courses/" + course), "/taken"));
			assertThat(undone.getElementById("taken").asNormalizedText()).as("the language chosen above")
				.startsWith("我上过这门课");
		}
	}

	private ReviewDraft draft(String stage) {
		return new ReviewDraft(course, "2025-spring", null, null, null, null, null, "说说进度", false, false, stage);
	}

}
