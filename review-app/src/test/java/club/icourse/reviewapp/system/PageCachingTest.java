package club.icourse.reviewapp.system;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a shared cache (the balancer, a CDN) may keep: a visitor's public pages, briefly;
 * never a page with a students-only review, a signed-in person's upvotes or a CSRF token.
 */
@ReviewAppTest
class PageCachingTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void aVisitorsPublicPagesMayBeSharedBrieflyAndAreRevalidatedByETag() throws Exception {
		long course = new TestCatalogue(dsl).course("缓存测试课", "2025-spring");
		for (String path : new String[] { "/", "/courses", "/courses/" + course, "/search?q=abc" }) {
			HttpResponse<String> page = get(path, null);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=0, public, s-maxage=30");
			assertThat(page.headers().allValues("Vary")).as(path).contains("Cookie");
			String etag = page.headers().firstValue("ETag").orElseThrow();

			HttpResponse<String> again = get(path, etag);
			assertThat(again.statusCode()).as(path).isEqualTo(304);
			assertThat(again.body()).isEmpty();
		}
	}

	@Test
	void aStudentsOnlyReviewAReadersUpvoteAndTheCsrfTokenNeverComeFromASharedCache() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("只给学生看的课", "2025-spring");
		long studentsOnly = review(course, catalogue.student(), "只给学生看的评价", true);
		long open = review(course, catalogue.student(), "大家都能看的评价", false);
		Identity reader = Identity.student("cache" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(reader);
			long readerId = dsl.select(PERSON.ID)
				.from(PERSON)
				.where(PERSON.USERNAME.eq(reader.username()))
				.fetchSingle()
				.value1();
			dsl.insertInto(REVIEW_UPVOTE)
				.set(REVIEW_UPVOTE.REVIEW_ID, open)
				.set(REVIEW_UPVOTE.PERSON_ID, readerId)
				.set(REVIEW_UPVOTE.CREATED_AT, LocalDateTime.now())
				.execute();

			HtmlPage page = browser.open("/courses/" + course);
			assertThat(page.asNormalizedText()).contains("只给学生看的评价", "大家都能看的评价");
			assertThat(page.getHtmlElementById("review-" + studentsOnly).asNormalizedText()).contains("students only");
			assertThat(((DomElement) page.querySelector("#review-" + open + " form[action$='/upvote'] button"))
				.getAttribute("class")).as("the reader's own upvote").contains("btn-success");
			assertThat(page.querySelectorAll("input[name=_csrf]")).isNotEmpty();
			WebResponse response = page.getWebResponse();
			assertThat(response.getResponseHeaderValue("Cache-Control")).contains("no-store").doesNotContain("public");
			assertThat(response.getResponseHeaderValue("ETag")).isNull();
		}
		HttpResponse<String> visitor = get("/courses/" + course, null);
		assertThat(visitor.body()).doesNotContain("只给学生看的评价").contains("大家都能看的评价");
		assertThat(visitor.headers().firstValue("Cache-Control")).hasValue("max-age=0, public, s-maxage=30");
	}

	private long review(long course, Person author, String text, boolean studentsOnly) {
		LocalDateTime now = LocalDateTime.now();
		return dsl.insertInto(REVIEW)
			.set(REVIEW.COURSE_ID, course)
			.set(REVIEW.AUTHOR_ID, author.id())
			.set(REVIEW.TERM, "2025-spring")
			.set(REVIEW.CONTENT, text)
			.set(REVIEW.CONTENT_HTML, "<p>" + text + "</p>")
			.set(REVIEW.STUDENTS_ONLY, studentsOnly)
			.set(REVIEW.CREATED_AT, now)
			.set(REVIEW.UPDATED_AT, now)
			.returningResult(REVIEW.ID)
			.fetchSingle()
			.value1();
	}

	private HttpResponse<String> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
