package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.db.review.Tables;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import java.util.List;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reviews written, read, moderated and restored in a browser, over real HTTP, by people
 * signed in through OIDC.
 */
@ReviewAppTest
class ReviewPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	private long course;

	@BeforeEach
	void aCourse() {
		course = new TestCatalogue(dsl).course("数学分析(B1)", "2024-autumn", "2025-spring");
	}

	@Test
	void aStudentWritesPreviewsEditsHidesAndDeletesTheirReview() throws Exception {
		Identity student = Identity.student("stu" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(student);
			HtmlPage form = browser.open("/courses/" + course + "/review");
			assertThat(form.asNormalizedText()).contains("Write a review", "数学分析(B1)");
			fill(form, "9", "2", "3", "1", "1", "**好课**，老师讲得清楚 <script>alert(1)</script>");
			HtmlPage preview = ((HtmlForm) form.getHtmlElementById("review-form"))
				.getOneHtmlElementByAttribute("button", "name", "preview")
				.click();
			assertThat(preview.getHtmlElementById("preview").asXml()).contains("<strong>").doesNotContain("<script");

			HtmlPage coursePage = ReviewBrowser.submit(browser.form(preview, "/review"));
			assertThat(coursePage.asNormalizedText()).contains("Your review is saved", student.username(), "4.5 ★",
					"Difficulty: Medium", "Homework: A lot", "好课");
			assertThat(coursePage.asXml()).doesNotContain("<script>alert");

			HtmlPage edit = browser.open("/courses/" + course + "/review");
			assertThat(edit.asNormalizedText()).contains("Edit your review");
			HtmlForm editForm = browser.form(edit, "/review");
			editForm.getTextAreaByName("content").setText("改了一下：作业其实不多");
			editForm.getInputByName("anonymous").setChecked(true);
			HtmlPage edited = ReviewBrowser.submit(editForm);
			assertThat(edited.asNormalizedText()).contains("改了一下", "anonymous", student.username());

			HtmlPage hidden = ReviewBrowser.submit(browser.form(edited, "/hide"));
			assertThat(hidden.asNormalizedText()).contains("hidden by you");
			try (ReviewBrowser stranger = new ReviewBrowser(port)) {
				assertThat(stranger.open("/courses/" + course).asNormalizedText()).doesNotContain("改了一下");
			}
			ReviewBrowser.submit(browser.form(browser.open("/courses/" + course), "/unhide"));

			HtmlPage history = browser.open("/reviews/" + reviewOf(course) + "/history");
			assertThat(history.asNormalizedText()).contains("Written", "Edited", "Hidden", "Shown again");

			long id = reviewOf(course);
			HtmlPage deleted = ReviewBrowser
				.submit(browser.form(browser.open("/courses/" + course), "/reviews/" + id + "/delete"));
			assertThat(deleted.asNormalizedText()).contains("No review to show yet", "Write a review");
		}
	}

	@Test
	void whatEachReaderSeesOnTheCoursePage() throws Exception {
		Identity author = Identity.student("au" + System.nanoTime() % 1_000_000);
		writeReview(author, "8", "只给学生看的评价", true);
		try (ReviewBrowser stranger = new ReviewBrowser(port)) {
			assertThat(stranger.open("/courses/" + course).asNormalizedText()).doesNotContain("只给学生看的评价");
		}
		try (ReviewBrowser teacher = new ReviewBrowser(port)) {
			teacher.signIn(Identity.teacher("te" + System.nanoTime() % 1_000_000));
			assertThat(teacher.open("/courses/" + course).asNormalizedText()).doesNotContain("只给学生看的评价");
		}
		try (ReviewBrowser student = new ReviewBrowser(port)) {
			student.signIn(Identity.student("st" + System.nanoTime() % 1_000_000));
			assertThat(student.open("/courses/" + course).asNormalizedText()).contains("只给学生看的评价", "students only");
		}

		long id = reviewOf(course);
		try (ReviewBrowser admin = new ReviewBrowser(port)) {
			admin.signIn(Identity.admin("ad" + System.nanoTime() % 1_000_000));
			HtmlPage page = admin.open("/courses/" + course);
			HtmlForm block = admin.form(page, "/reviews/" + id + "/block");
			block.getInputByName("reason").setValue("含有人身攻击");
			assertThat(ReviewBrowser.submit(block).asNormalizedText()).contains("blocked", "含有人身攻击");
		}
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(author);
			assertThat(browser.open("/courses/" + course).asNormalizedText()).as("the author sees why")
				.contains("Blocked by an administrator: 含有人身攻击");
		}
		try (ReviewBrowser student = new ReviewBrowser(port)) {
			student.signIn(Identity.student("s2" + System.nanoTime() % 1_000_000));
			assertThat(student.open("/courses/" + course).asNormalizedText()).doesNotContain("只给学生看的评价")
				.contains("1 blocked, 0 deleted");
			assertThat(student.status("/reviews/" + id + "/history")).as("not theirs").isEqualTo(404);
		}
	}

	@Test
	void anAdministratorRestoresADeletedReview() throws Exception {
		Identity author = Identity.student("rs" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage page = writeReview(browser, author, "", "会被删掉又恢复的评价", false);
			ReviewBrowser.submit(browser.form(page, "/delete"));
		}
		long id = dsl.select(DSL.max(Tables.REVIEW_HISTORY.REVIEW_ID))
			.from(Tables.REVIEW_HISTORY)
			.where(Tables.REVIEW_HISTORY.COURSE_ID.eq(course))
			.fetchSingle()
			.value1();
		try (ReviewBrowser admin = new ReviewBrowser(port)) {
			admin.signIn(Identity.admin("ra" + System.nanoTime() % 1_000_000));
			HtmlPage coursePage = admin.open("/courses/" + course);
			assertThat(coursePage.asNormalizedText()).contains("0 blocked, 1 deleted", "#" + id);
			HtmlPage history = coursePage.getAnchorByText("#" + id).click();
			assertThat(history.asNormalizedText()).contains("Deleted", author.username());
			HtmlPage restored = ReviewBrowser.submit(admin.form(history, "/restore"));
			assertThat(restored.asNormalizedText()).contains("The review is back", "Restored");
			assertThat(admin.open("/courses/" + course).asNormalizedText()).contains("会被删掉又恢复的评价",
					"Text only, no rating");
		}
	}

	@Test
	void hostileInputGetsACleanAnswer() throws Exception {
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			assertThat(browser.status("/courses/abc")).isEqualTo(400);
			assertThat(browser.status("/courses/99999999")).isEqualTo(404);
			assertThat(browser.status("/courses/" + course + "?page=-3&stars=%3Cscript%3E&sort=';drop")).isEqualTo(200);
			assertThat(browser.status("/courses?page=abc&sort=x&department=%27")).isEqualTo(200);
			assertThat(browser.status("/search?q=%25%27%22%3Cscript%3E")).isEqualTo(200);
			assertThat(browser.status("/teachers/0")).isEqualTo(404);
			assertThat(
					browser.client().getPage(browser.url("/courses/" + course + "/review").toURL()).getUrl().toString())
				.as("writing needs a sign-in")
				.contains("/oauth2/authorize");
		}
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.student("hx" + System.nanoTime() % 1_000_000));
			HtmlPage form = browser.open("/courses/" + course + "/review");
			fill(form, "7", "2", "", "2", "2",
					"\u202Ereversed\u200B [x](javascript:alert(1)) <img src=x onerror=alert(1)>");
			HtmlPage refused = ReviewBrowser.submit(browser.form(form, "/review"));
			assertThat(refused.asNormalizedText()).contains("Give all five ratings, or none");
			assertThat(dsl.fetchCount(REVIEW, REVIEW.COURSE_ID.eq(course))).isZero();

			fill(refused, "7", "2", "2", "2", "2",
					"\u202Ereversed\u200B [x](javascript:alert(1)) <img src=x onerror=alert(1)>");
			ReviewBrowser.submit(browser.form(refused, "/review"));
			String stored = dsl.select(REVIEW.CONTENT_HTML)
				.from(REVIEW)
				.where(REVIEW.COURSE_ID.eq(course))
				.fetchSingle()
				.value1();
			assertThat(stored).doesNotContain("\u202E", "\u200B", "javascript:", "<img");
			assertThat(browser.status("/reviews/99999999/history")).isEqualTo(404);
			assertThat(browser.client()
				.getPage(browser.url("/reviews/abc/history").toURL())
				.getWebResponse()
				.getStatusCode()).isEqualTo(400);
		}
	}

	@Test
	void readersUpvoteCommentAndVoteOnTheCourse() throws Exception {
		Identity author = Identity.student("ua" + System.nanoTime() % 1_000_000);
		writeReview(author, "10", "值得一上", false);
		long id = reviewOf(course);
		Identity reader = Identity.student("ub" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(reader);
			HtmlPage upvoted = ReviewBrowser
				.submit(browser.form(browser.open("/courses/" + course), "/reviews/" + id + "/upvote"));
			assertThat(upvoted.asNormalizedText()).contains("▲ 1");
			HtmlForm comment = browser.form(browser.open("/reviews/" + id), "/comments");
			comment.getInputByName("content").setValue("同意，@" + author.username() + " 说得对");
			HtmlPage commented = ReviewBrowser.submit(comment);
			assertThat(commented.asNormalizedText()).contains("同意", reader.username(), "1 comment");

			HtmlForm tooLong = browser.form(commented, "/comments");
			tooLong.getInputByName("content").setValue("长".repeat(501));
			tooLong.getInputByName("content").removeAttribute("maxlength");
			HtmlPage refused = ReviewBrowser.submit(tooLong);
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(refused.asNormalizedText()).contains("at most 500 characters");

			HtmlPage up = ReviewBrowser.submit(browser.form(browser.open("/courses/" + course), "/vote"));
			assertThat(up.asNormalizedText()).contains("▲ 1", "▼ 0");
			HtmlForm votes = browser.form(up, "/vote");
			HtmlPage down = ((HtmlButton) votes.getButtonsByName("value").get(1)).click();
			assertThat(down.asNormalizedText()).as("up and down exclude each other").contains("▲ 0", "▼ 1");

			HtmlPage deleted = ReviewBrowser.submit(browser.form(browser.open("/reviews/" + id), "/delete"));
			assertThat(deleted.asNormalizedText()).doesNotContain("说得对").contains("0 comments");
		}
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(author);
			assertThat(browser.open("/reviews/" + id).asNormalizedText()).as("the author sees who upvoted")
				.contains("Upvoted by " + reader.username());
			assertThat(browser.form(browser.open("/reviews/" + id), "/comments")).isNotNull();
			assertThat(browser.open("/reviews/" + id)
				.getForms()
				.stream()
				.noneMatch(f -> f.getActionAttribute().endsWith("/upvote"))).as("no upvoting one's own review")
				.isTrue();
		}
	}

	/**
	 * Issue 15, defect 1: a card shows the reader's upvote on every page that lists
	 * reviews, and an upvote form sent twice keeps one upvote (it used to toggle, so a
	 * click on a card that wrongly showed "not upvoted" withdrew the upvote).
	 */
	@Test
	void anUpvoteShowsOnEveryPageAndSendingItTwiceKeepsIt() throws Exception {
		Identity author = Identity.student("uc" + System.nanoTime() % 1_000_000);
		writeReview(author, "8", "每一页都一样", false);
		long id = reviewOf(course);
		Identity reader = Identity.student("ud" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(reader);
			HtmlForm upvote = browser.form(browser.open("/people/" + author.username()), "/reviews/" + id + "/upvote");
			ReviewBrowser.submit(upvote);
			ReviewBrowser.submit(upvote);
			assertThat(upvotes(id)).as("the same upvote form sent twice").isEqualTo(1);
			for (String page : List.of("/", "/people/" + author.username(), "/courses/" + course, "/reviews/" + id)) {
				HtmlButton button = browser.form(browser.open(page), "/reviews/" + id + "/upvote")
					.getFirstByXPath(".//button[@type='submit']");
				assertThat(button.getAttribute("class")).as("upvoted on " + page)
					.contains("btn-success")
					.doesNotContain("btn-outline-success");
			}
			ReviewBrowser.submit(browser.form(browser.open("/"), "/reviews/" + id + "/upvote"));
			assertThat(upvotes(id)).as("withdrawn from the home page").isZero();
			HtmlForm unsaid = browser.form(browser.open("/courses/" + course), "/reviews/" + id + "/upvote");
			unsaid.getInputByName("upvoted").remove();
			assertThat(ReviewBrowser.submit(unsaid).getWebResponse().getStatusCode())
				.as("a form that does not say set or unset is refused, not toggled")
				.isEqualTo(400);
			assertThat(upvotes(id)).isZero();
		}
	}

	@Test
	void theSearchBoxFindsChineseSubstringsTeachersAndCodes() throws Exception {
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			long until = System.nanoTime() + 10_000_000_000L;
			while (!browser.open("/search?q=TEST" + course).asNormalizedText().contains("数学分析(B1)")
					&& System.nanoTime() < until) {
				Thread.sleep(100); // the search index follows the change-log every few
									// hundred milliseconds in tests
			}
			assertThat(browser.open("/search?q=数学").asNormalizedText()).contains("数学分析(B1)");
			assertThat(browser.open("/search?q=TEST" + course).asNormalizedText()).as("code prefix")
				.contains("数学分析(B1)");
			assertThat(browser.open("/search?q=%E6%97%A0%E6%AD%A4%E8%AF%BE%E7%A8%8B").asNormalizedText())
				.contains("Nothing found");
		}
	}

	private void writeReview(Identity author, String rating, String content, boolean studentsOnly) throws Exception {
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			writeReview(browser, author, rating, content, studentsOnly);
		}
	}

	/**
	 * Signs in and publishes a review of the course (all aspects rated 1 when rated);
	 * returns the course page.
	 */
	private HtmlPage writeReview(ReviewBrowser browser, Identity author, String rating, String content,
			boolean studentsOnly) throws Exception {
		browser.signIn(author);
		HtmlPage form = browser.open("/courses/" + course + "/review");
		String level = rating.isEmpty() ? "" : "1";
		fill(form, rating, level, level, level, level, content);
		browser.form(form, "/review").getInputByName("studentsOnly").setChecked(studentsOnly);
		return ReviewBrowser.submit(browser.form(form, "/review"));
	}

	private int upvotes(long reviewId) {
		return dsl.select(REVIEW.UPVOTE_COUNT).from(REVIEW).where(REVIEW.ID.eq(reviewId)).fetchSingle().value1();
	}

	private long reviewOf(long courseId) {
		return dsl.select(REVIEW.ID).from(REVIEW).where(REVIEW.COURSE_ID.eq(courseId)).fetchSingle().value1();
	}

	/** Fills the review form; an empty value leaves a rating unset. */
	private static void fill(HtmlPage page, String rating, String difficulty, String homework, String grading,
			String gain, String content) {
		HtmlForm form = page.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().endsWith("/review"))
			.findFirst()
			.orElseThrow();
		choose(form, "rating", rating);
		choose(form, "difficulty", difficulty);
		choose(form, "homework", homework);
		choose(form, "grading", grading);
		choose(form, "gain", gain);
		form.getTextAreaByName("content").setText(content);
	}

	private static void choose(HtmlForm form, String name, String value) {
		form.getRadioButtonsByName(name)
			.stream()
			.filter(radio -> radio.getValueAttribute().equals(value))
			.findFirst()
			.map(radio -> {
				radio.setChecked(true);
				return radio;
			})
			.orElseThrow(() -> new AssertionError("No " + name + " = " + value));
	}

}
