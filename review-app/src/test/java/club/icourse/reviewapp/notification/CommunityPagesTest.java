package club.icourse.reviewapp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.db.review.Tables;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Following, the notification page and its unread count, and both Atom feeds, over real
 * HTTP in a browser.
 */
@ReviewAppTest
class CommunityPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Autowired
	PersonRepository people;

	@Test
	void aFollowerIsNotifiedReadsTheFeedAndTheSecretFeedAddressCanBeReset() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("社区测试课" + System.nanoTime() % 10_000, "2025-spring");
		Person author = catalogue.student();
		Person anonymousAuthor = catalogue.student();
		Identity reader = Identity.student("fan" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(reader);
			HtmlPage coursePage = browser.open("/courses/" + course);
			HtmlPage followed = ReviewBrowser.submit(browser.form(coursePage, "/follow"));
			assertThat(followed.asNormalizedText()).contains("Following (1)");
			Person follower = people.byUsername(reader.username()).orElseThrow();

			reviews.write(author, new ReviewDraft(course, "2025-spring", 9, 1, 1, 1, 3,
					"讲得好，@" + reader.username() + " 也来上吧", false, false));
			reviews.write(anonymousAuthor,
					new ReviewDraft(course, "2025-spring", 4, 3, 3, 3, 1, "匿名吐槽一下", true, false));

			HtmlPage home = browser.open("/");
			assertThat(home.getElementById("unread-count").asNormalizedText()).isEqualTo("3");
			HtmlPage list = browser.open("/notifications");
			assertThat(list.asNormalizedText())
				.contains(author.username() + " reviewed " + catalogueName(course),
						author.username() + " mentioned you", "Someone reviewed " + catalogueName(course))
				.doesNotContain(anonymousAuthor.username());
			assertThat(list.getElementsByTagName("time").get(0).asNormalizedText()).as("China time, labelled")
				.endsWith(" UTC+8");
			assertThat(browser.open("/").getElementById("unread-count")).as("read once shown").isNull();

			HtmlPage feed = browser.open("/following");
			assertThat(feed.asNormalizedText()).contains("讲得好", "匿名吐槽一下", author.username())
				.doesNotContain(anonymousAuthor.username());
			assertThat(feed.getAnchorByText("@" + reader.username()).getHrefAttribute())
				.endsWith("/people/" + reader.username());

			String feedUrl = list.getElementsByTagName("input")
				.stream()
				.map(input -> input.getAttribute("value"))
				.filter(value -> value.contains("/feeds/notifications/"))
				.findFirst()
				.orElseThrow();
			try (ReviewBrowser feedReader = new ReviewBrowser(port)) {
				Page atom = feedReader.client().getPage(feedUrl);
				assertThat(atom.getWebResponse().getContentType()).isEqualTo("application/atom+xml");
				assertThat(atom.getWebResponse().getContentAsString())
					.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", author.username() + " mentioned you")
					.doesNotContain(anonymousAuthor.username());
			}
			ReviewBrowser.submit(browser.form(browser.open("/notifications"), "/notifications/feed-token"));
			try (ReviewBrowser feedReader = new ReviewBrowser(port)) {
				feedReader.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
				assertThat(feedReader.client().getPage(feedUrl).getWebResponse().getStatusCode())
					.as("the old address is retired")
					.isEqualTo(404);
				assertThat(feedReader.status("/feeds/notifications/not-a-token")).isEqualTo(404);
			}
			assertThat(follower.id()).isPositive();
		}
		try (ReviewBrowser stranger = new ReviewBrowser(port)) {
			String publicFeed = stranger.client()
				.getPage(stranger.url("/feeds/reviews").toString())
				.getWebResponse()
				.getContentAsString();
			assertThat(publicFeed).contains("讲得好", "匿名吐槽一下").doesNotContain(anonymousAuthor.username());
			stranger.client().getOptions().setRedirectEnabled(false);
			stranger.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
			assertThat(stranger.status("/notifications")).as("sign-in required").isEqualTo(302);
		}
	}

	/**
	 * Issue 15: a follow button says what it will do and its form says which state it
	 * wants, so the same form sent twice keeps one follow (it used to toggle), and a form
	 * that says neither is refused.
	 */
	@Test
	void followButtonsSayWhatTheyDoAndSendingOneTwiceKeepsOneFollow() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("关注测试课" + System.nanoTime() % 10_000, "2025-spring");
		Person followee = catalogue.student();
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.student("fo" + System.nanoTime() % 1_000_000));
			HtmlForm follow = browser.form(browser.open("/courses/" + course), "/courses/" + course + "/follow");
			assertThat(button(follow).asNormalizedText()).isEqualTo("Follow (0)");
			ReviewBrowser.submit(follow);
			HtmlPage followed = ReviewBrowser.submit(follow);
			assertThat(count(Tables.COURSE_FOLLOW, Tables.COURSE_FOLLOW.COURSE_ID.eq(course)))
				.as("the same follow form sent twice")
				.isEqualTo(1);
			HtmlButton following = button(browser.form(followed, "/courses/" + course + "/follow"));
			assertThat(following.asNormalizedText()).isEqualTo("Following (1)");
			assertThat(following.getAttribute("aria-pressed")).isEqualTo("true");
			assertThat(following.getAttribute("title")).isEqualTo("Stop following");
			HtmlForm unfollow = browser.form(followed, "/courses/" + course + "/follow");
			ReviewBrowser.submit(unfollow);
			HtmlPage unfollowed = ReviewBrowser.submit(unfollow);
			assertThat(count(Tables.COURSE_FOLLOW, Tables.COURSE_FOLLOW.COURSE_ID.eq(course))).isZero();
			assertThat(button(browser.form(unfollowed, "/courses/" + course + "/follow")).asNormalizedText())
				.isEqualTo("Follow (0)");

			HtmlForm followPerson = browser.form(browser.open("/people/" + followee.username()), "/follow");
			assertThat(button(followPerson).asNormalizedText()).isEqualTo("Follow");
			ReviewBrowser.submit(followPerson);
			HtmlPage profile = ReviewBrowser.submit(followPerson);
			assertThat(count(Tables.PERSON_FOLLOW, Tables.PERSON_FOLLOW.FOLLOWEE_ID.eq(followee.id()))).isEqualTo(1);
			assertThat(button(browser.form(profile, "/follow")).asNormalizedText()).isEqualTo("Following");
			HtmlForm unfollowPerson = browser.form(profile, "/follow");
			ReviewBrowser.submit(unfollowPerson);
			ReviewBrowser.submit(unfollowPerson);
			assertThat(count(Tables.PERSON_FOLLOW, Tables.PERSON_FOLLOW.FOLLOWEE_ID.eq(followee.id()))).isZero();

			for (String path : new String[] { "/courses/" + course, "/people/" + followee.username() }) {
				HtmlForm unsaid = browser.form(browser.open(path), "/follow");
				unsaid.getInputByName("follow").remove();
				assertThat(ReviewBrowser.submit(unsaid).getWebResponse().getStatusCode())
					.as("a follow form that does not say which, on " + path)
					.isEqualTo(400);
			}
			assertThat(count(Tables.COURSE_FOLLOW, Tables.COURSE_FOLLOW.COURSE_ID.eq(course))).isZero();
			assertThat(count(Tables.PERSON_FOLLOW, Tables.PERSON_FOLLOW.FOLLOWEE_ID.eq(followee.id()))).isZero();
		}
	}

	private static HtmlButton button(HtmlForm form) {
		return form.getFirstByXPath(".//button[@type='submit']");
	}

	private int count(Table<?> table, Condition condition) {
		return dsl.fetchCount(table, condition);
	}

	private String catalogueName(long course) {
		return dsl.select(Tables.COURSE.NAME)
			.from(Tables.COURSE)
			.where(Tables.COURSE.ID.eq(course))
			.fetchSingle()
			.value1();
	}

}
