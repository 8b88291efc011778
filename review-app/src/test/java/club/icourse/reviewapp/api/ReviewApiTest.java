package club.icourse.reviewapp.api;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.api.ApiClient.Answer;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.moderation.Muting;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonDeletion;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewView;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.shared.Affiliation;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The review-data API over real HTTP with access tokens signed as iCourse ID signs them:
 * the site's visibility matrix, scopes, problem details, cursors and rate limits.
 */
@ReviewAppTest
class ReviewApiTest {

	private static final FakeIdentityProvider PROVIDER = FakeIdentityProvider.shared();

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	PersonRepository people;

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewListing listing;

	@Autowired
	Muting muting;

	@Autowired
	PersonDeletion deletion;

	@Autowired
	Follows follows;

	private TestCatalogue catalogue;

	private String app;

	@BeforeEach
	void setUp() {
		catalogue = new TestCatalogue(dsl);
		app = "app-" + UUID.randomUUID();
	}

	@Test
	void publicReadsShowExactlyWhatAnAnonymousVisitorSees() {
		long course = catalogue.course("API 隐私课", "2025-spring");
		Identity mutedAuthor = Identity.student("m" + suffix());
		Person muted = member(mutedAuthor);
		long plain = write(muted, course, false, false);
		Person admin = catalogue.admin();
		muting.mute(admin, muted.id(), 7, "spam");
		long studentsOnly = write(member(Identity.student("s" + suffix())), course, false, true);
		Person hider = member(Identity.student("h" + suffix()));
		long hidden = write(hider, course, false, false);
		reviews.hide(hider, hidden, true);
		Identity blockedAuthor = Identity.student("b" + suffix());
		Person blocker = member(blockedAuthor);
		long blocked = write(blocker, course, false, false);
		reviews.block(admin, blocked, true, "广告");
		Person remover = member(Identity.student("d" + suffix()));
		long deleted = write(remover, course, false, false);
		reviews.delete(remover, deleted);
		Identity anonymousAuthor = Identity.teacher("a" + suffix());
		long anonymous = write(member(anonymousAuthor), course, true, false);
		Identity leaver = Identity.student("l" + suffix());
		long byDeletedAuthor = write(member(leaver), course, false, false);
		deletion.delete(PROVIDER.url(), leaver.subject());

		ApiClient appItself = client(PROVIDER.accessToken(app, null));
		Answer list = appItself.get("/api/courses/" + course + "/reviews");
		assertThat(list.status()).isEqualTo(200);
		assertThat(ids(list.body().get("items"))).as("as the site lists them to an anonymous visitor")
			.containsExactly(byDeletedAuthor, anonymous, plain)
			.containsExactlyElementsOf(
					listing.ofCourseAfter(course, Optional.empty(), null, 100).stream().map(ReviewView::id).toList());
		JsonNode items = list.body().get("items");
		assertThat(items.get(0).has("author")).as("a deleted author is not named").isFalse();
		assertThat(items.get(0).get("authorDeleted").asBoolean()).isTrue();
		assertThat(items.get(1).has("author")).as("an anonymous author is not named").isFalse();
		assertThat(items.get(1).get("byTeacher").asBoolean()).isTrue();
		assertThat(text(items.get(2), "author")).as("a muted author's review stays readable")
			.isEqualTo(mutedAuthor.username());
		assertThat(items.get(2).has("hidden")).as("privacy switches are the author's business").isFalse();

		for (long id : List.of(plain, anonymous, byDeletedAuthor)) {
			assertThat(appItself.get("/api/reviews/" + id).status()).isEqualTo(200);
		}
		for (long id : List.of(studentsOnly, hidden, blocked, deleted)) {
			Answer refused = appItself.get("/api/reviews/" + id);
			assertThat(refused.status()).as("review " + id).isEqualTo(404);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}

		ApiClient student = client(
				PROVIDER.accessToken(app, Identity.student("x" + suffix()), "openid", "reviews.read"));
		assertThat(ids(student.get("/api/courses/" + course + "/reviews").body().get("items")))
			.as("a person's token does not open students-only reviews of others to the app")
			.containsExactly(byDeletedAuthor, anonymous, plain);

		ApiClient blockedOwn = client(PROVIDER.accessToken(app, blockedAuthor, "reviews.read"));
		JsonNode own = blockedOwn.get("/api/me/reviews").body().get("items").get(0);
		assertThat(own.get("id").asLong()).isEqualTo(blocked);
		assertThat(own.get("blocked").asBoolean()).isTrue();
		assertThat(text(own, "blockedReason")).isEqualTo("广告");

		JsonNode anonymousOwn = client(PROVIDER.accessToken(app, anonymousAuthor, "reviews.read"))
			.get("/api/me/reviews")
			.body()
			.get("items")
			.get(0);
		assertThat(text(anonymousOwn, "author")).as("the author sees their own name")
			.isEqualTo(anonymousAuthor.username());
	}

	@Test
	void theCourseCatalogueAndFiguresAreReadable() {
		long course = catalogue.course("API 目录课", "2024-autumn", "2025-spring");
		write(member(Identity.student("c" + suffix())), course, false, false);
		ApiClient appItself = client(PROVIDER.accessToken(app, null));
		Answer details = appItself.get("/api/courses/" + course);
		assertThat(details.status()).isEqualTo(200);
		assertThat(text(details.body(), "name")).isEqualTo("API 目录课");
		assertThat(details.body().get("ratings").get("reviewCount").asInt()).isEqualTo(1);
		assertThat(details.body().get("ratings").get("averageRating").asDouble()).isEqualTo(8.0);
		assertThat(text(details.body().get("terms").get(0), "term")).isEqualTo("2025-spring");
		assertThat(texts(appItself.get("/api/terms").body())).contains("2025-spring", "2024-autumn");
		assertThat(appItself.get("/api/courses/" + (course + 1_000_000)).status()).isEqualTo(404);
	}

	@Test
	void listsComeInPartsThatNeitherSkipNorRepeatWhileReviewsAreAdded() {
		long course = catalogue.course("API 分页课", "2025-spring");
		List<Long> written = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			written.add(write(member(Identity.student("p" + suffix())), course, false, false));
		}
		ApiClient appItself = client(PROVIDER.accessToken(app, null));
		List<Long> read = new ArrayList<>();
		String cursor = null;
		int parts = 0;
		do {
			Answer part = appItself
				.get("/api/courses/" + course + "/reviews?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(part.status()).isEqualTo(200);
			read.addAll(ids(part.body().get("items")));
			cursor = part.body().get("next").isNull() ? null : part.body().get("next").asString();
			if (parts++ == 0) {
				write(member(Identity.student("n" + suffix())), course, false, false);
			}
		}
		while (cursor != null);
		assertThat(read).as("newest first, each once; the one added meanwhile is before the cursor")
			.containsExactlyElementsOf(written.reversed());
		assertThat(parts).isEqualTo(3);

		Answer courses = appItself.get("/api/courses?limit=1");
		assertThat(courses.body().get("items")).hasSize(1);
		Answer next = appItself.get("/api/courses?limit=1&cursor=" + courses.body().get("next").asString());
		assertThat(next.body().get("items").get(0).get("id").asLong())
			.isGreaterThan(courses.body().get("items").get(0).get("id").asLong());
	}

	@Test
	void badInputIsA400ProblemNeverA500() {
		long course = catalogue.course("API 输入课", "2025-spring");
		catalogue.course("API 输入课二", "2025-spring");
		Identity writer = Identity.student("w" + suffix());
		member(writer);
		ApiClient appItself = client(PROVIDER.accessToken(app, null));
		ApiClient person = client(PROVIDER.accessToken(app, writer, "reviews.read", "reviews.write"));

		assertProblem(appItself.get("/api/courses/abc"), 400);
		assertProblem(appItself.get("/api/courses/" + course + "/reviews?cursor=not-a-cursor"), 400);
		assertProblem(appItself.get("/api/courses/" + course + "/reviews?cursor="
				+ appItself.get("/api/courses?limit=1").body().get("next").asString()), 400);
		assertProblem(appItself.get("/api/courses?limit=0"), 400);
		assertProblem(appItself.get("/api/courses?limit=101"), 400);
		assertProblem(person.put("/api/me/reviews/" + course, "{not json"), 400);
		assertProblem(person.put("/api/me/reviews/" + course, "{\"rating\": \"ten\"}"), 400);
		Answer refused = person.put("/api/me/reviews/" + course,
				"{\"term\": \"2019-spring\", \"rating\": 11, \"difficulty\": 2, \"homework\": 2, \"grading\": 2, "
						+ "\"gain\": 2, \"content\": \" \"}");
		assertProblem(refused, 400);
		assertThat(StreamSupport.stream(refused.body().get("errors").spliterator(), false)
			.map(error -> error.get("code").asString()))
			.containsExactlyInAnyOrder("content-empty", "term", "rating-range");
		assertProblem(person.put("/api/me/reviews/" + (course + 1_000_000), "{\"content\": \"x\"}"), 404);
		assertProblem(appItself.get("/api/reviews/" + Long.MAX_VALUE), 404);
	}

	@Test
	void onBehalfAPersonTheAppReadsAndWritesWhatTheyMayAndNoMore() {
		long course = catalogue.course("API 写作课", "2025-spring");
		Identity writer = Identity.student("o" + suffix());
		Person person = member(writer);
		follows.setCourse(person, course, true);
		ApiClient app = client(PROVIDER.accessToken(this.app, writer, "reviews.read", "reviews.write"));

		Answer me = app.get("/api/me");
		assertThat(text(me.body(), "username")).isEqualTo(writer.username());
		assertThat(text(me.body(), "affiliation")).isEqualTo("student");

		Answer written = app.put("/api/me/reviews/" + course,
				"{\"term\": \"2025-spring\", \"rating\": 9, \"difficulty\": 2, \"homework\": 1, \"grading\": 3, "
						+ "\"gain\": 3, \"content\": \"**好课**\", \"studentsOnly\": true}");
		assertThat(written.status()).as(String.valueOf(written.body())).isEqualTo(200);
		long id = written.body().get("id").asLong();
		assertThat(text(written.body(), "contentHtml")).contains("<strong>好课</strong>");
		assertThat(written.body().get("studentsOnly").asBoolean()).isTrue();
		Answer edited = app.put("/api/me/reviews/" + course, "{\"term\": \"2025-spring\", \"content\": \"改了\"}");
		assertThat(edited.body().get("id").asLong()).as("one review per course: edited").isEqualTo(id);
		assertThat(ids(app.get("/api/me/reviews").body().get("items"))).containsExactly(id);
		assertThat(app.get("/api/me/follows").body().get("courses").get(0).get("id").asLong()).isEqualTo(course);
		assertThat(app.get("/api/me/drafts").status()).isEqualTo(200);
		assertThat(app.get("/api/me/notifications").status()).isEqualTo(200);

		muting.mute(catalogue.admin(), person.id(), 1, "刷屏");
		Answer mutedAnswer = app.put("/api/me/reviews/" + course, "{\"term\": \"2025-spring\", \"content\": \"再改\"}");
		assertProblem(mutedAnswer, 403);
		assertThat(text(mutedAnswer.body(), "type")).isEqualTo("urn:icourse:api:problem:muted");
	}

	@Test
	void aTokenWithoutTheScopeGets403NamingIt() {
		Identity person = Identity.student("q" + suffix());
		member(person);
		Answer appItself = client(PROVIDER.accessToken(app, null)).get("/api/me/reviews");
		assertProblem(appItself, 403);
		assertThat(appItself.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"",
				"scope=\"reviews.read\"");
		assertThat(text(appItself.body(), "scope")).isEqualTo("reviews.read");

		Answer readOnly = client(PROVIDER.accessToken(app, person, "reviews.read")).put("/api/me/reviews/1",
				"{\"content\": \"x\"}");
		assertProblem(readOnly, 403);
		assertThat(readOnly.header("WWW-Authenticate")).contains("scope=\"reviews.write\"");

		Answer forItself = client(PROVIDER.accessToken(app, null, "reviews.read")).get("/api/me");
		assertProblem(forItself, 403);
		assertThat(text(forItself.body(), "type")).as("client credentials act for no person")
			.isEqualTo("urn:icourse:api:problem:no-person");

		Answer stranger = client(PROVIDER.accessToken(app, Identity.student("z" + suffix()), "reviews.read"))
			.get("/api/me");
		assertThat(text(stranger.body(), "type")).isEqualTo("urn:icourse:api:problem:not-a-member");
	}

	@Test
	void onlyLiveAccessTokensFromIcourseIdAreTaken() throws Exception {
		assertUnauthorized(client(null).get("/api/terms"));
		assertUnauthorized(client("not-a-jwt").get("/api/terms"));
		Instant longAgo = Instant.now().minusSeconds(3600);
		assertUnauthorized(
				client(PROVIDER.signed(PROVIDER.accessTokenClaims(app, null, longAgo).build())).get("/api/terms"));
		assertUnauthorized(client(PROVIDER
			.signed(PROVIDER.accessTokenClaims(app, null, Instant.now()).claim("nonce", "n").claim("azp", app).build()))
			.get("/api/terms"));
		assertUnauthorized(client(PROVIDER
			.signed(PROVIDER.accessTokenClaims(app, null, Instant.now()).issuer("https://elsewhere.example").build()))
			.get("/api/terms"));
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("fake").generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("fake").build(),
				PROVIDER.accessTokenClaims(app, null, Instant.now()).build());
		forged.sign(new RSASSASigner(stranger));
		assertUnauthorized(client(forged.serialize()).get("/api/terms"));
	}

	@Test
	void everyAnswerSaysWhereTheAppStandsAndTheLimitIsPerApp() {
		ApiClient appItself = client(PROVIDER.accessToken(app, null));
		Answer first = appItself.get("/api/terms");
		assertThat(first.header("RateLimit-Limit")).isEqualTo("40");
		assertThat(first.header("RateLimit-Remaining")).isEqualTo("39");
		assertThat(Long.parseLong(first.header("RateLimit-Reset"))).isPositive();
		Answer last = first;
		for (int i = 0; i < 39; i++) {
			last = appItself.get("/api/terms");
		}
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");
		Answer refused = appItself.get("/api/terms");
		assertProblem(refused, 429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

		Answer otherApp = client(PROVIDER.accessToken("app-" + UUID.randomUUID(), null)).get("/api/terms");
		assertThat(otherApp.status()).as("another app has its own bucket").isEqualTo(200);
		assertThat(client(PROVIDER.accessToken(app, Identity.student("r" + suffix()), "reviews.read")).get("/api/terms")
			.status()).as("the same app acting for a person shares the bucket").isEqualTo(429);
	}

	@Test
	void theDescriptionAndItsDocsAreServedWithoutAToken() throws Exception {
		Answer description = client(null).get("/api/openapi");
		assertThat(description.status()).isEqualTo(200);
		assertThat(description.body().get("paths").has("/api/courses/{id}/reviews")).isTrue();
		assertThat(description.body().get("paths").has("/api/me/reviews/{courseId}")).isTrue();
		assertThat(description.body().get("components").get("securitySchemes").has("icourse-id")).isTrue();

		HttpResponse<String> docs = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).as(docs.uri().toString()).isEqualTo(200);
		assertThat(docs.body()).contains("swagger-ui");
		assertThat(docs.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
	}

	@Test
	void anAddressThatIsNoPartOfTheApiIsA404Problem() {
		assertProblem(client(PROVIDER.accessToken(app, null)).get("/api/no-such-thing"), 404);
	}

	private void assertUnauthorized(Answer answer) {
		assertProblem(answer, 401);
		assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
	}

	private static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body().get("status").asInt()).isEqualTo(status);
		assertThat(text(answer.body(), "title")).as(answer.body().toString()).isNotBlank();
		assertThat(text(answer.body(), "detail")).as(answer.body().toString()).isNotBlank();
	}

	private ApiClient client(String token) {
		return new ApiClient(port, token);
	}

	/** The person as they are once they signed in to the site through iCourse ID. */
	private Person member(Identity identity) {
		return people.signedIn(PROVIDER.url(), identity.subject(), identity.username(), "ustc",
				Affiliation.fromClaimValue(identity.affiliation()).orElseThrow(), false, null, null, Instant.now());
	}

	private long write(Person author, long course, boolean anonymous, boolean studentsOnly) {
		return reviews.write(author,
				new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 3, "API 评价", anonymous, studentsOnly));
	}

	private static List<Long> ids(JsonNode items) {
		return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").asLong()).toList();
	}

	private static List<String> texts(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

	private static String text(JsonNode node, String field) {
		return node.get(field) == null ? null : node.get(field).asString();
	}

	private static String suffix() {
		return Long.toString(System.nanoTime() % 100_000_000);
	}

}
