package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.REVIEW_DRAFT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15: a review being written is kept on the server, per person and course, and
 * comes back in another browser; publishing or discarding it ends it, and after 30 days
 * it is gone. (The form's script that sends it is exercised in PagesInChromeTest.)
 */
@ReviewAppTest
class ReviewDraftsTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	SavedDrafts drafts;

	private long course;

	@BeforeEach
	void aCourse() {
		course = new TestCatalogue(dsl).course("草稿测试课", "2024-autumn", "2025-spring");
	}

	@Test
	void aDraftComesBackInAnotherBrowserUntilItIsPublished() throws Exception {
		Identity student = Identity.student("dr" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser laptop = new ReviewBrowser(port)) {
			laptop.signIn(student);
			WebResponse saved = saveDraft(laptop,
					List.of(new NameValuePair("term", "2024-autumn"), new NameValuePair("rating", "7"),
							new NameValuePair("difficulty", "2"), new NameValuePair("content", "写了一半的长评价"),
							new NameValuePair("anonymous", "true")));
			assertThat(saved.getStatusCode()).isEqualTo(204);
		}
		try (ReviewBrowser phone = new ReviewBrowser(port)) {
			phone.signIn(student);
			HtmlPage form = phone.open("/courses/" + course + "/review");
			assertThat(form.getElementById("draft-restored")).as("says the draft is back").isNotNull();
			HtmlForm review = phone.form(form, "/review");
			assertThat(review.getTextAreaByName("content").getText()).isEqualTo("写了一半的长评价");
			assertThat(review.getSelectByName("term").getSelectedOptions().getFirst().getValueAttribute())
				.isEqualTo("2024-autumn");
			assertThat(review.getInputByValue("7").isChecked()).isTrue();
			assertThat(review.getInputByName("anonymous").isChecked()).isTrue();
			try (ReviewBrowser stranger = new ReviewBrowser(port)) {
				stranger.signIn(Identity.student("ds" + System.nanoTime() % 1_000_000));
				assertThat(stranger.form(stranger.open("/courses/" + course + "/review"), "/review")
					.getTextAreaByName("content")
					.getText()).as("nobody else's").isEmpty();
			}

			review.getTextAreaByName("content").setText("写完了");
			for (String aspect : List.of("difficulty", "homework", "grading", "gain")) {
				review.getRadioButtonsByName(aspect).getFirst().setChecked(true);
			}
			review.getRadioButtonsByName("rating").getLast().setChecked(true);
			ReviewBrowser.submit(review);
			assertThat(draftRows()).as("published: the draft is gone").isZero();
			HtmlPage edit = phone.open("/courses/" + course + "/review");
			assertThat(edit.getElementById("draft-restored")).isNull();
			assertThat(phone.form(edit, "/review").getTextAreaByName("content").getText()).isEqualTo("写完了");
		}
	}

	@Test
	void aDraftCanBeDiscardedIsBoundedAndExpiresAfterThirtyDays() throws Exception {
		Identity student = Identity.student("dx" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(student);
			assertThat(saveDraft(browser, List.of(new NameValuePair("content", "长".repeat(20_001)))).getStatusCode())
				.as("longer than any review")
				.isEqualTo(400);
			assertThat(draftRows()).isZero();

			saveDraft(browser, List.of(new NameValuePair("content", "先存着"), new NameValuePair("rating", "abc")));
			HtmlPage restored = browser.open("/courses/" + course + "/review");
			assertThat(browser.form(restored, "/review").getTextAreaByName("content").getText()).isEqualTo("先存着");
			HtmlPage discarded = ReviewBrowser.submit(browser.form(restored, "/review/draft/discard"));
			assertThat(discarded.getElementById("draft-restored")).isNull();
			assertThat(browser.form(discarded, "/review").getTextAreaByName("content").getText()).isEmpty();

			saveDraft(browser, List.of(new NameValuePair("content", "很久以前的草稿")));
			dsl.update(REVIEW_DRAFT)
				.set(REVIEW_DRAFT.SAVED_AT, LocalDateTime.now().minusDays(31))
				.where(REVIEW_DRAFT.COURSE_ID.eq(course))
				.execute();
			assertThat(browser.form(browser.open("/courses/" + course + "/review"), "/review")
				.getTextAreaByName("content")
				.getText()).as("older than 30 days").isEmpty();
			assertThat(drafts.deleteExpired()).isPositive();
			assertThat(draftRows()).isZero();

			WebRequest noToken = new WebRequest(browser.url("/courses/" + course + "/review/draft").toURL(),
					HttpMethod.POST);
			noToken.setRequestParameters(List.of(new NameValuePair("content", "伪造的")));
			assertThat(browser.client().loadWebResponse(noToken).getStatusCode()).as("no CSRF token").isEqualTo(403);
			assertThat(draftRows()).isZero();
		}
	}

	/** Sends the draft as the form's script does, with the page's CSRF token. */
	private WebResponse saveDraft(ReviewBrowser browser, List<NameValuePair> fields) throws Exception {
		HtmlForm form = browser.form(browser.open("/courses/" + course + "/review"), "/review");
		WebRequest request = new WebRequest(browser.url("/courses/" + course + "/review/draft").toURL(),
				HttpMethod.POST);
		List<NameValuePair> parameters = new ArrayList<>(fields);
		parameters.add(new NameValuePair("_csrf", form.getInputByName("_csrf").getValue()));
		request.setRequestParameters(parameters);
		request.setCharset(StandardCharsets.UTF_8);
		return browser.client().loadWebResponse(request);
	}

	private int draftRows() {
		return dsl.fetchCount(REVIEW_DRAFT, REVIEW_DRAFT.COURSE_ID.eq(course));
	}

}
