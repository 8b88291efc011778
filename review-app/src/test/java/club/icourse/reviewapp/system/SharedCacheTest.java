package club.icourse.reviewapp.system;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.NginxInFront;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shared cache production has in front of the app (nginx with docker/'s
 * configuration, {@link NginxInFront}) never hands a signed-in reader's page, with its
 * students-only review, the reader's upvotes and the CSRF token, to anyone else, and
 * never hands a signed-in reader the visitor's copy. Runs where nginx is installed
 * ({@code /usr/sbin/nginx}); PageCachingTest shows the app's own side everywhere.
 */
@ReviewAppTest
class SharedCacheTest {

	private static final String STUDENTS_ONLY = "只给学生看的缓存评价";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void noSignedInReadersPageComesFromOrGoesIntoTheBalancersCache() throws Exception {
		assumeTrue(NginxInFront.available(), "nginx is not installed");
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long visitedFirst = catalogue.course("先有访客的缓存课", "2025-spring");
		long readFirst = catalogue.course("先有读者的缓存课", "2025-spring");
		Identity reader = Identity.student("shared" + System.nanoTime() % 1_000_000);
		String session;
		long[] upvoted = new long[2];
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(reader);
			session = "icourse_session=" + browser.client().getCookieManager().getCookie("icourse_session").getValue();
		}
		long readerId = dsl.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.USERNAME.eq(reader.username()))
			.fetchSingle()
			.value1();
		for (int i = 0; i < 2; i++) {
			long course = i == 0 ? visitedFirst : readFirst;
			review(course, catalogue.student(), STUDENTS_ONLY + i, true);
			upvoted[i] = review(course, catalogue.student(), "大家都能看的缓存评价" + i, false);
			dsl.insertInto(REVIEW_UPVOTE)
				.set(REVIEW_UPVOTE.REVIEW_ID, upvoted[i])
				.set(REVIEW_UPVOTE.PERSON_ID, readerId)
				.set(REVIEW_UPVOTE.CREATED_AT, LocalDateTime.now())
				.execute();
		}

		try (NginxInFront nginx = NginxInFront.start(port)) {
			// A visitor fills the cache; the signed-in reader still gets their own page.
			String path = "/courses/" + visitedFirst;
			get(nginx, path, null);
			HttpResponse<String> visitor = get(nginx, path, null);
			assertThat(visitor.headers().firstValue("X-Cache-Status")).hasValue("HIT");
			assertVisitorsPage(visitor, upvoted[0]);
			assertReadersOwnPage(get(nginx, path, session), upvoted[0]);
			assertVisitorsPage(get(nginx, path, null), upvoted[0]);

			// The reader asks first: nothing is kept, the visitor's page is rendered for
			// them.
			path = "/courses/" + readFirst;
			assertReadersOwnPage(get(nginx, path, session), upvoted[1]);
			assertReadersOwnPage(get(nginx, path, session), upvoted[1]);
			HttpResponse<String> after = get(nginx, path, null);
			assertThat(after.headers().firstValue("X-Cache-Status")).as("nothing the reader got was kept")
				.hasValue("MISS");
			assertVisitorsPage(after, upvoted[1]);
		}
	}

	private static void assertReadersOwnPage(HttpResponse<String> page, long upvotedReview) {
		assertThat(page.headers().firstValue("X-Cache-Status")).hasValue("BYPASS");
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(page.body()).contains(STUDENTS_ONLY, "name=\"_csrf\"");
		assertThat(upvoteForm(page.body(), upvotedReview)).as("the reader's own upvote")
			.contains("aria-pressed=\"true\"");
	}

	private static void assertVisitorsPage(HttpResponse<String> page, long upvotedReview) {
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain(STUDENTS_ONLY, "_csrf").contains("大家都能看的缓存评价");
		assertThat(upvoteForm(page.body(), upvotedReview)).as("a visitor has no upvote to show").isEmpty();
	}

	private static String upvoteForm(String page, long review) {
		Matcher form = Pattern.compile("<form[^>]*action=\"/reviews/" + review + "/upvote\"[\\s\\S]*?</form>")
			.matcher(page);
		return form.find() ? form.group() : "";
	}

	private HttpResponse<String> get(NginxInFront nginx, String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nginx.base() + path))
			.header("Accept-Language", "zh-CN");
		if (session != null) {
			request.header("Cookie", session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

}
