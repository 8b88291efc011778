package club.icourse.reviewapp.people;

import static club.icourse.db.review.Tables.COURSE_FOLLOW;
import static club.icourse.db.review.Tables.COURSE_TAKEN;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_VOTE;
import static club.icourse.db.review.Tables.NOTIFICATION;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.PERSON_AVATAR;
import static club.icourse.db.review.Tables.PERSON_FOLLOW;
import static club.icourse.db.review.Tables.REPORT;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_COMMENT;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;
import static club.icourse.db.review.Tables.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.course.CourseVotes;
import club.icourse.reviewapp.courseinfo.InfoEdits;
import club.icourse.reviewapp.courseinfo.InfoSubject;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.moderation.ModerationLog;
import club.icourse.reviewapp.moderation.Reports;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.reviewapp.review.Upvotes;
import club.icourse.reviewapp.stats.Rankings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A logout token that carries the RISC account-purged event (an account deleted at
 * iCourse ID) ends the person's sessions and removes their profile, avatar, follows both
 * ways, votes and notifications; their reviews and comments stay, by "deleted user", and
 * every page that shows a name (statistics, moderation, edit history) says "deleted
 * user", never their {@code deleted-<id>} row name (docs/account-deletion.md).
 */
@ReviewAppTest
class AccountPurgedTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	PersonRepository people;

	@Autowired
	Reviews reviews;

	@Autowired
	Comments comments;

	@Autowired
	Follows follows;

	@Autowired
	CourseVotes votes;

	@Autowired
	Upvotes upvotes;

	@Autowired
	Reports reports;

	@Autowired
	InfoEdits infoEdits;

	@Autowired
	ModerationLog moderationLog;

	@Autowired
	Rankings rankings;

	@Autowired
	TransactionOperations transactions;

	@Test
	void anAccountPurgedTokenRemovesTheProfileAndKeepsTheReviewsAsByADeletedUser() throws Exception {
		FakeIdentityProvider provider = FakeIdentityProvider.shared();
		Identity leaving = Identity.student("purge" + System.nanoTime() % 1_000_000);
		Identity staying = Identity.student("stay" + System.nanoTime() % 1_000_000);
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("注销测试课" + System.nanoTime() % 10_000, "2025-spring");
		try (ReviewBrowser browser = new ReviewBrowser(port);
				ReviewBrowser other = new ReviewBrowser(port);
				ReviewBrowser stranger = new ReviewBrowser(port)) {
			browser.signIn(leaving);
			other.signIn(staying);
			Person person = people.byUsername(leaving.username()).orElseThrow();
			Person friend = people.byUsername(staying.username()).orElseThrow();
			long ownReview = reviews.write(person,
					new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, "要留下的评价", false, false));
			long friendsReview = reviews.write(friend,
					new ReviewDraft(course, "2025-spring", 6, 2, 2, 2, 2, "朋友的评价", false, false));
			comments.write(person, friendsReview, "要留下的评论");
			follows.setCourse(person, course, true);
			follows.setPerson(person, friend.id(), true);
			follows.setPerson(friend, person.id(), true);
			votes.vote(person, course, 1);
			upvotes.set(person, friendsReview, true);
			dsl.insertInto(COURSE_TAKEN)
				.set(COURSE_TAKEN.PERSON_ID, person.id())
				.set(COURSE_TAKEN.COURSE_ID, course)
				.set(COURSE_TAKEN.CREATED_AT, LocalDateTime.now())
				.execute();
			dsl.insertInto(PERSON_AVATAR)
				.set(PERSON_AVATAR.PERSON_ID, person.id())
				.set(PERSON_AVATAR.PNG, new byte[] { 1, 2, 3 })
				.set(PERSON_AVATAR.UPDATED_AT, LocalDateTime.now())
				.execute();
			assertThat(browser.status("/people/" + leaving.username())).isEqualTo(200);
			assertThat(dsl.fetchCount(NOTIFICATION,
					NOTIFICATION.RECIPIENT_ID.eq(person.id()).or(NOTIFICATION.ACTOR_ID.eq(person.id()))))
				.as("the follows made notifications")
				.isPositive();

			assertThat(sendLogoutToken(provider.logoutToken(staying, null))).isEqualTo(200);
			assertThat(other.status("/people/" + staying.username())).as("a plain logout token deletes nothing")
				.isEqualTo(200);

			assertThat(sendLogoutToken(provider.accountPurgedToken(leaving))).isEqualTo(200);

			assertThat(browser.open("/").asNormalizedText()).as("the person's session ended")
				.doesNotContain(leaving.username());
			assertThat(stranger.status("/people/" + leaving.username())).isEqualTo(404);
			assertThat(stranger.status("/people/deleted-" + person.id())).isEqualTo(404);
			long id = person.id();
			assertThat(dsl.fetchCount(PERSON_AVATAR, PERSON_AVATAR.PERSON_ID.eq(id))).isZero();
			assertThat(dsl.fetchCount(PERSON_FOLLOW,
					PERSON_FOLLOW.FOLLOWER_ID.eq(id).or(PERSON_FOLLOW.FOLLOWEE_ID.eq(id))))
				.isZero();
			assertThat(dsl.fetchCount(COURSE_FOLLOW, COURSE_FOLLOW.PERSON_ID.eq(id))).isZero();
			assertThat(dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(id).or(NOTIFICATION.ACTOR_ID.eq(id))))
				.isZero();
			assertThat(dsl.fetchCount(COURSE_VOTE, COURSE_VOTE.PERSON_ID.eq(id))).isZero();
			assertThat(dsl.fetchCount(COURSE_TAKEN, COURSE_TAKEN.PERSON_ID.eq(id))).isZero();
			assertThat(dsl.fetchCount(REVIEW_UPVOTE, REVIEW_UPVOTE.PERSON_ID.eq(id))).isZero();
			assertThat(dsl.fetchCount(SIGN_IN, SIGN_IN.PERSON_ID.eq(id))).isZero();
			var stats = dsl.selectFrom(COURSE_STATS).where(COURSE_STATS.COURSE_ID.eq(course)).fetchSingle();
			assertThat(stats.getFollowCount()).as("the counts the person fed are corrected").isZero();
			assertThat(stats.getUpvoteCount()).isZero();
			assertThat(dsl.select(REVIEW.UPVOTE_COUNT)
				.from(REVIEW)
				.where(REVIEW.ID.eq(friendsReview))
				.fetchOne(0, Integer.class)).isZero();
			var row = dsl.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchSingle();
			assertThat(row.getUsername()).isEqualTo("deleted-" + id);
			assertThat(row.getEmail()).isNull();
			assertThat(row.getSchool()).isNull();
			assertThat(row.getDeletedAt()).isNotNull();

			assertThat(dsl.fetchCount(REVIEW, REVIEW.ID.eq(ownReview))).as("the review stays").isOne();
			assertThat(dsl.fetchCount(REVIEW_COMMENT, REVIEW_COMMENT.AUTHOR_ID.eq(id))).as("the comment stays").isOne();
			String reviewPage = stranger.open("/reviews/" + ownReview).asNormalizedText();
			assertThat(reviewPage).contains("要留下的评价", "deleted user").doesNotContain(leaving.username());
			String commentedPage = stranger.open("/reviews/" + friendsReview).asNormalizedText();
			assertThat(commentedPage).contains("要留下的评论", "deleted user").doesNotContain(leaving.username());

			assertThat(sendLogoutToken(provider.accountPurgedToken(leaving))).as("a repeated notice").isEqualTo(200);
			assertThat(sendLogoutToken(provider.accountPurgedToken(Identity.student("nobody"))))
				.as("a notice for someone never seen here")
				.isEqualTo(200);
			assertThat(other.status("/people/" + staying.username())).isEqualTo(200);
		}
	}

	@Test
	void aDeletedPersonShowsAsDeletedUserOnTheStatisticsModerationAndEditHistoryPages() throws Exception {
		FakeIdentityProvider provider = FakeIdentityProvider.shared();
		Identity leaving = Identity.student("gone" + System.nanoTime() % 1_000_000);
		Identity staying = Identity.student("kept" + System.nanoTime() % 1_000_000);
		Identity moderator = Identity.admin("mod" + System.nanoTime() % 1_000_000);
		long course = new TestCatalogue(dsl).course("注销显示课" + System.nanoTime() % 10_000, "2025-spring");
		try (ReviewBrowser browser = new ReviewBrowser(port);
				ReviewBrowser other = new ReviewBrowser(port);
				ReviewBrowser admin = new ReviewBrowser(port)) {
			browser.signIn(leaving);
			other.signIn(staying);
			admin.signIn(moderator);
			Person person = people.byUsername(leaving.username()).orElseThrow();
			Person friend = people.byUsername(staying.username()).orElseThrow();
			long ownReview = reviews.write(person,
					new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, "有用的评价", false, false));
			long friendsReview = reviews.write(friend,
					new ReviewDraft(course, "2025-spring", 6, 2, 2, 2, 2, "被举报的评价", false, false));
			upvotes.set(friend, ownReview, true);
			reports.reportReview(person, friendsReview, "spam", "举报者将注销");
			infoEdits.edit(person, InfoSubject.COURSE, course, new InfoEdits.Change(null, "注销者写的课程介绍", null));
			transactions.executeWithoutResult(status -> moderationLog.record(person.id(), "test-action", "review",
					friendsReview, "by the person who leaves", Instant.now()));

			assertThat(sendLogoutToken(provider.accountPurgedToken(leaving))).isEqualTo(200);
			String deletedName = "deleted-" + person.id();

			assertThat(rankings.mostHelpfulReviewers(10_000)).extracting(Rankings.Reviewer::username)
				.doesNotContain(leaving.username(), deletedName);
			assertThat(other.open("/stats").asNormalizedText()).doesNotContain(deletedName);

			String log = admin.open("/admin/moderation-log").asNormalizedText();
			assertThat(log).contains("test-action", "deleted user").doesNotContain(deletedName);

			long reportId = dsl.select(REPORT.ID)
				.from(REPORT)
				.where(REPORT.REPORTER_ID.eq(person.id()))
				.fetchSingle()
				.value1();
			int page = 1;
			while (reports.open(page).items().stream().noneMatch(report -> report.id() == reportId)) {
				page++;
			}
			String report = admin.open("/admin/reports?page=" + page)
				.getElementById("report-" + reportId)
				.asNormalizedText();
			assertThat(report).contains("deleted user", "被举报的评价").doesNotContain(deletedName);

			String history = admin.open("/courses/" + course + "/edit").asNormalizedText();
			assertThat(history).contains("注销者写的课程介绍", "deleted user").doesNotContain(deletedName);
		}
	}

	private int sendLogoutToken(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout/connect/back-channel/icourse"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
