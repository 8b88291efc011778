package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.SEARCH_CHANGE;
import static club.icourse.db.review.Tables.SEARCH_QUERY_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The search page, suggestions, the change-log that keeps the index fresh, and the query
 * log.
 */
@ReviewAppTest
class SearchPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	CatalogueSearch search;

	@Autowired
	QueryLog queryLog;

	@Test
	void hostileQueriesGetACleanPage() throws Exception {
		List<String> hostile = List.of("", " ", "x".repeat(10_000), "数".repeat(3_000), "!!!", "*:*", "a~", "\"((",
				"title:[a TO z]", "数学 AND OR NOT", "%", "\\", "😀", "<script>alert(1)</script>", "a*?", "/regex/",
				"老师");
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			for (String query : hostile) {
				String path = "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
				assertThat(browser.status(path)).as(query).isEqualTo(200);
				assertThat(browser.status("/search/suggestions?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
					.as(query)
					.isIn(200, 429);
			}
			assertThat(browser.status("/search?q=a&kind=nonsense&page=-4&department=%27&term=%22")).isEqualTo(200);
			assertThat(browser.status("/search?q=a&page=99999999999")).isEqualTo(200);
		}
	}

	@Test
	void aNewCourseIsFoundOnceTheChangeLogIsAppliedAndThePageSaysHowItMatched() throws Exception {
		long course = new TestCatalogue(dsl).course("拼音测试课程", "2025-spring");
		indexer.catchUp();
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage exact = browser.open("/search?q=" + URLEncoder.encode("测试课程", StandardCharsets.UTF_8));
			assertThat(exact.asNormalizedText()).contains("拼音测试课程", "Courses (");
			assertThat(exact.getElementById("match-step")).as("nothing to explain for an exact match").isNull();
			HtmlPage pinyin = browser.open("/search?q=pinyinceshi");
			assertThat(pinyin.asNormalizedText()).contains("拼音测试课程");
			assertThat(pinyin.getElementById("match-step").asNormalizedText()).contains("pinyin");
			String suggestions = suggestions(browser, "pinyince");
			assertThat(suggestions).contains("\"label\":\"拼音测试课程\"", "\"id\":" + course);
			HtmlPage filtered = browser
				.open("/search?q=" + URLEncoder.encode("拼音测试", StandardCharsets.UTF_8) + "&term=1999-spring");
			assertThat(filtered.asNormalizedText()).doesNotContain("拼音测试课程");
		}
	}

	@Test
	void reviewsFollowTheirChangesAndTheirReadRules() {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("索引跟随课", "2025-spring");
		Person author = catalogue.student();
		long changesBefore = dsl.fetchCount(SEARCH_CHANGE);
		long review = reviews.write(author,
				new ReviewDraft(course, "2025-spring", null, null, null, null, null, "独一无二的鹦鹉螺评论", true, false));
		assertThat(dsl.fetchCount(SEARCH_CHANGE)).as("written with the review").isGreaterThan((int) changesBefore);
		indexer.catchUp();
		CatalogueSearch.Results found = search.search(request("鹦鹉螺", Optional.empty()));
		assertThat(found.hits().items()).extracting(CatalogueSearch.Hit::id).containsExactly(review);
		assertThat(found.hits().items().getFirst().snippet()).contains(new Snippet.Part("鹦鹉螺", true));
		assertThat(found.hits().items().getFirst().toString()).as("an anonymous author stays unknown")
			.doesNotContain(author.username());

		reviews.hide(author, review, true);
		indexer.catchUp();
		assertThat(search.search(request("鹦鹉螺", Optional.empty())).hits().items()).isEmpty();
		assertThat(search.search(request("鹦鹉螺", Optional.of(author))).hits().items()).hasSize(1);

		reviews.delete(author, review);
		indexer.catchUp();
		assertThat(search.search(request("鹦鹉螺", Optional.of(author))).hits().items()).isEmpty();
	}

	@Test
	void searchesAreLoggedAnonymouslyUnlessSignedIn() {
		Person student = new TestCatalogue(dsl).student();
		search.search(request("没有这种课程xyz", Optional.empty()));
		search.search(request("没有这种课程xyz", Optional.of(student)));
		queryLog.flush();
		var rows = dsl.selectFrom(SEARCH_QUERY_LOG).where(SEARCH_QUERY_LOG.QUERY.eq("没有这种课程xyz")).fetch();
		assertThat(rows).hasSize(2);
		assertThat(rows).allSatisfy(row -> assertThat(row.getResultCount()).isZero());
		assertThat(rows.map(row -> row.getPersonId() == null ? 0L : row.getPersonId())).containsExactlyInAnyOrder(0L,
				student.id());
	}

	@Test
	void administratorsSeeWhatPeopleSearchForAndWhatFoundNothing() throws Exception {
		// Letters no course holds: a Chinese phrase here matched other tests' courses in
		// the
		// shared database (JourneysInChromeTest's "...课程名称...") and was not "unfound".
		search.search(request("zqxjvkw", Optional.empty()));
		queryLog.flush();
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			assertThat(browser.status("/admin/search")).as("not for visitors").isNotEqualTo(200);
			browser.signIn(Identity.admin("adm" + System.nanoTime() % 1_000_000));
			HtmlPage page = browser.open("/admin/search");
			assertThat(page.getElementById("queries-unfound").asNormalizedText()).contains("zqxjvkw");
		}
	}

	@Test
	void suggestionsAreRateLimited() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				statuses.add(http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/search/suggestions?q=shu"))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode());
			}
			assertThat(statuses).contains(200, 429);
		}
	}

	/** Waits out the rate limit that other tests from this address may have used up. */
	private static String suggestions(ReviewBrowser browser, String typed) throws Exception {
		for (int attempt = 0;; attempt++) {
			var response = browser.client()
				.getPage(browser.url("/search/suggestions?q=" + typed).toURL())
				.getWebResponse();
			if (response.getStatusCode() != 429 || attempt == 50) {
				return response.getContentAsString(StandardCharsets.UTF_8);
			}
			Thread.sleep(100);
		}
	}

	private static CatalogueSearch.Request request(String query, Optional<Person> viewer) {
		return new CatalogueSearch.Request(query, SearchKind.REVIEW, null, null, 1, viewer);
	}

}
