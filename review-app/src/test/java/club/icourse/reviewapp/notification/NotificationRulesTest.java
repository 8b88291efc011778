package club.icourse.reviewapp.notification;

import static club.icourse.db.review.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.reviewapp.review.Upvotes;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReviewAppTest
class NotificationRulesTest {

	@Autowired
	Reviews reviews;

	@Autowired
	Comments comments;

	@Autowired
	Upvotes upvotes;

	@Autowired
	Follows follows;

	@Autowired
	Notifications notifications;

	@Autowired
	DSLContext dsl;

	private TestCatalogue catalogue;

	private long course;

	private Person author;

	@BeforeEach
	void setUp() {
		catalogue = new TestCatalogue(dsl);
		course = catalogue.course("通知测试课", "2025-spring");
		author = catalogue.student();
	}

	@Test
	void followersOfTheCourseAndOfTheAuthorHearOfNewAndChangedReviewsButNotOfPrivacyOnlyEdits() {
		Person courseFollower = catalogue.student();
		Person authorFollower = catalogue.student();
		Person both = catalogue.student();
		follows.setCourse(courseFollower, course, true);
		follows.setCourse(both, course, true);
		follows.setPerson(authorFollower, author.id(), true);
		follows.setPerson(both, author.id(), true);
		follows.setCourse(author, course, true);

		long review = reviews.write(author, draft("第一版", false, false));
		assertThat(kinds(courseFollower)).containsExactly("COURSE_REVIEW");
		assertThat(kinds(authorFollower)).containsExactly("PERSON_REVIEW");
		assertThat(kinds(both)).as("one notification per person").containsExactly("PERSON_REVIEW");
		assertThat(actorsOf(courseFollower)).containsExactly(author.id());
		assertThat(kinds(author)).as("nobody is told of their own doing")
			.doesNotContain("COURSE_REVIEW", "PERSON_REVIEW");

		reviews.write(author, draft("第一版", false, true));
		assertThat(kinds(courseFollower)).as("privacy-only edit").hasSize(1);

		reviews.write(author, draft("第二版", false, false));
		assertThat(details(courseFollower)).containsExactly("created", "updated");
		assertThat(review).isPositive();
	}

	@Test
	void anAnonymousReviewNeverReachesItsAuthorsFollowersNorNamesItsAuthor() {
		Person courseFollower = catalogue.student();
		Person authorFollower = catalogue.student();
		follows.setCourse(courseFollower, course, true);
		follows.setPerson(authorFollower, author.id(), true);

		reviews.write(author, draft("匿名的评价", true, false));

		assertThat(kinds(authorFollower)).doesNotContain("PERSON_REVIEW");
		assertThat(kinds(courseFollower)).containsExactly("COURSE_REVIEW");
		assertThat(actorsOf(courseFollower)).containsOnlyNulls();
	}

	@Test
	void hiddenBlockedAndStudentsOnlyReviewsReachOnlyThoseWhoMayReadThem() {
		Person teacher = catalogue.teacher();
		Person student = catalogue.student();
		Person admin = catalogue.admin();
		follows.setCourse(teacher, course, true);
		follows.setCourse(student, course, true);

		long review = reviews.write(author, draft("仅学生可见", false, true));
		assertThat(kinds(student)).containsExactly("COURSE_REVIEW");
		assertThat(kinds(teacher)).as("a teacher may not read a students-only review").isEmpty();

		reviews.hide(author, review, true);
		reviews.write(author, draft("隐藏后修改", false, true));
		assertThat(kinds(student)).as("nothing while hidden").hasSize(1);

		reviews.hide(author, review, false);
		reviews.block(admin, review, true, "广告");
		assertThat(kinds(author)).containsExactly("REVIEW_BLOCKED");
		assertThat(dsl.select(NOTIFICATION.DETAIL)
			.from(NOTIFICATION)
			.where(NOTIFICATION.RECIPIENT_ID.eq(author.id()))
			.fetchSingle()
			.value1()).as("the author receives the reason").isEqualTo("广告");
		reviews.write(author, draft("屏蔽后修改", false, true));
		assertThat(kinds(student)).as("nothing while blocked").hasSize(1);
		reviews.block(admin, review, false, null);
		assertThat(kinds(author)).containsExactly("REVIEW_BLOCKED", "REVIEW_UNBLOCKED");
	}

	@Test
	void commentsUpvotesAndFollowersAreToldToTheirTargetAndAWithdrawnUpvoteIsWithdrawn() {
		Person reader = catalogue.student();
		long review = reviews.write(author, draft("值得一读", false, false));

		comments.write(reader, review, "同意");
		comments.write(author, review, "谢谢");
		assertThat(kinds(author)).as("not for the author's own comment").containsExactly("COMMENT");

		upvotes.set(reader, review, true);
		assertThat(kinds(author)).containsExactly("COMMENT", "UPVOTE");
		upvotes.set(reader, review, false);
		assertThat(kinds(author)).as("withdrawn with the upvote").containsExactly("COMMENT");
		upvotes.set(reader, review, true);
		assertThat(kinds(author)).containsExactly("COMMENT", "UPVOTE");

		follows.setPerson(reader, author.id(), true);
		follows.setPerson(reader, author.id(), false);
		follows.setPerson(reader, author.id(), true);
		assertThat(kinds(author)).as("following again does not repeat it")
			.containsExactly("COMMENT", "UPVOTE", "FOLLOW");
	}

	@Test
	void mentionsInChineseTextNotifyOnceEvenWhenTheReviewIsEditedAgain() {
		Person mentioned = catalogue.chineseStudent("张");
		Person commentMentioned = catalogue.chineseStudent("李");
		Person teacher = catalogue.teacher();
		String text = "推荐问问@" + mentioned.username() + "同学，还有 @" + teacher.username() + "。";

		long review = reviews.write(author, draft(text, false, true));
		assertThat(kinds(mentioned)).containsExactly("MENTION");
		assertThat(kinds(teacher)).as("a students-only review does not reach a teacher even by a mention").isEmpty();
		assertThat(dsl.select(DSL.field("content_html", String.class))
			.from("review")
			.where("id = ?", review)
			.fetchSingle()
			.value1()).contains("href=\"/people/").contains(">&#64;" + mentioned.username() + "</a>同学");

		reviews.write(author, draft(text + " 补充一句", false, true));
		assertThat(kinds(mentioned)).as("the same mention in an edit").containsExactly("MENTION");

		comments.write(mentioned, review,
				"@" + author.username() + " 谢谢！也请@" + commentMentioned.username() + "看看@" + mentioned.username());
		assertThat(kinds(author)).containsExactly("COMMENT", "MENTION");
		assertThat(kinds(commentMentioned)).containsExactly("MENTION");
		assertThat(kinds(mentioned)).as("no mention of oneself").containsExactly("MENTION");
	}

	@Test
	void aMentionInAnAnonymousReviewDoesNotNameItsAuthor() {
		Person mentioned = catalogue.student();
		reviews.write(author, draft("@" + mentioned.username() + " 你怎么看", true, false));
		assertThat(kinds(mentioned)).containsExactly("MENTION");
		assertThat(actorsOf(mentioned)).containsOnlyNulls();
	}

	@Test
	void notificationsFollowTheReviewsCurrentVisibilityAfterEachPrivacyChange() {
		Person courseFollower = catalogue.student();
		Person authorFollower = catalogue.student();
		Person teacher = catalogue.teacher();
		Person mentioned = catalogue.student();
		Person commenter = catalogue.student();
		Person admin = catalogue.admin();
		follows.setCourse(courseFollower, course, true);
		follows.setCourse(teacher, course, true);
		follows.setPerson(authorFollower, author.id(), true);
		String text = "@" + mentioned.username() + " 一起来上";
		long review = reviews.write(author, draft(text, false, false));
		comments.write(commenter, review, "同意");
		assertThat(shown(courseFollower)).containsExactly("COURSE_REVIEW by " + author.username());
		assertThat(shown(authorFollower)).containsExactly("PERSON_REVIEW by " + author.username());
		assertThat(shown(mentioned)).containsExactly("MENTION by " + author.username());
		assertThat(shown(teacher)).containsExactly("COURSE_REVIEW by " + author.username());

		reviews.write(author, draft(text, true, false));
		assertThat(shown(courseFollower)).as("made anonymous: the author is no longer named")
			.containsExactly("COURSE_REVIEW by null");
		assertThat(shown(mentioned)).containsExactly("MENTION by null");
		assertThat(shown(authorFollower)).as("a follower of the author would learn who wrote it").isEmpty();
		assertThat(notifications.unread(authorFollower)).isZero();
		assertThat(shown(author)).as("the author still sees who commented")
			.contains("COMMENT by " + commenter.username());

		reviews.write(author, draft(text, false, true));
		assertThat(shown(teacher)).as("made students-only").isEmpty();
		assertThat(shown(courseFollower)).containsExactly("COURSE_REVIEW by " + author.username());

		reviews.hide(author, review, true);
		assertThat(shown(courseFollower)).as("hidden").isEmpty();
		assertThat(shown(mentioned)).isEmpty();
		assertThat(notifications.unread(courseFollower)).isZero();
		assertThat(shown(author)).as("the author may still read it").contains("COMMENT by " + commenter.username());
		reviews.hide(author, review, false);
		assertThat(shown(courseFollower)).as("shown again").hasSize(1);

		reviews.block(admin, review, true, "广告");
		assertThat(shown(courseFollower)).as("blocked").isEmpty();
		assertThat(notifications.page(courseFollower, 1).total()).isZero();
		assertThat(shown(author)).contains("REVIEW_BLOCKED by null");
		reviews.block(admin, review, false, null);

		reviews.delete(author, review);
		assertThat(shown(courseFollower)).as("deleted").isEmpty();
		assertThat(shown(mentioned)).isEmpty();
		assertThat(shown(authorFollower)).isEmpty();
		assertThat(shown(author)).as("what was about the review is gone")
			.containsExactly("FOLLOW by " + authorFollower.username());
	}

	/**
	 * Issue 15: followers of a person hear of the person's comments, as iCourse tells
	 * them, once per comment (not again as the review's author or as someone mentioned),
	 * and never of a comment on the person's own anonymous review.
	 */
	@Test
	void followersOfACommenterHearOfTheCommentOnceAndNeverOfOneOnTheirOwnAnonymousReview() {
		Person commenter = catalogue.student();
		Person follower = catalogue.student();
		Person mentionedFollower = catalogue.student();
		follows.setPerson(follower, commenter.id(), true);
		follows.setPerson(mentionedFollower, commenter.id(), true);
		follows.setPerson(author, commenter.id(), true);
		long review = reviews.write(author, draft("值得一读", false, false));

		comments.write(commenter, review, "@" + mentionedFollower.username() + " 来看看");
		String byCommenter = " by " + commenter.username();
		assertThat(shown(follower)).containsExactly("PERSON_COMMENT" + byCommenter);
		assertThat(kinds(mentionedFollower)).as("told once, as mentioned").containsExactly("MENTION");
		assertThat(kinds(author)).as("told once, as the review's author").containsExactly("COMMENT");

		long otherCourse = catalogue.course("通知测试课二", "2025-spring");
		ReviewDraft own = new ReviewDraft(otherCourse, "2025-spring", 8, 2, 2, 2, 2, "自己的点评", false, false);
		long ownReview = reviews.write(commenter, own);
		comments.write(commenter, ownReview, "补充一句");
		assertThat(shown(follower)).containsExactly("PERSON_COMMENT" + byCommenter, "PERSON_REVIEW" + byCommenter,
				"PERSON_COMMENT" + byCommenter);

		reviews.write(commenter, new ReviewDraft(otherCourse, "2025-spring", 8, 2, 2, 2, 2, "自己的点评", true, false));
		assertThat(shown(follower)).as("made anonymous: the comment on it would name its author")
			.containsExactly("PERSON_COMMENT" + byCommenter);
		comments.write(commenter, ownReview, "再补充一句");
		assertThat(kinds(follower)).as("nothing of a comment on one's own anonymous review").hasSize(3);
	}

	@Test
	void aDeletedCommentLeavesNoNotificationBehind() {
		Person commenter = catalogue.student();
		Person mentioned = catalogue.student();
		Person follower = catalogue.student();
		follows.setPerson(follower, commenter.id(), true);
		long review = reviews.write(author, draft("值得一读", false, false));
		long kept = comments.write(commenter, review, "第一条");
		long deleted = comments.write(commenter, review, "@" + mentioned.username() + " 看这里");
		assertThat(kinds(author)).containsExactly("COMMENT", "COMMENT");
		assertThat(kinds(mentioned)).containsExactly("MENTION");
		assertThat(kinds(follower)).containsExactly("PERSON_COMMENT", "PERSON_COMMENT");

		comments.delete(commenter, deleted);

		assertThat(kinds(author)).as("the other comment's stays").containsExactly("COMMENT");
		assertThat(kinds(mentioned)).isEmpty();
		assertThat(kinds(follower)).containsExactly("PERSON_COMMENT");
		assertThat(notifications.latest(author, 50, 0)).singleElement()
			.extracting(Notifications.NotificationView::commentId)
			.isEqualTo(kept);
		assertThat(notifications.unread(mentioned)).isZero();
	}

	private List<String> shown(Person person) {
		return notifications.latest(person, 50, 0)
			.stream()
			.map(notification -> notification.kind() + " by " + notification.actor())
			.toList();
	}

	private List<String> kinds(Person person) {
		return rows(person).map(Record3::value1);
	}

	private List<Long> actorsOf(Person person) {
		return rows(person).map(Record3::value2);
	}

	private List<String> details(Person person) {
		return rows(person).map(Record3::value3);
	}

	private Result<Record3<String, Long, String>> rows(Person person) {
		return dsl.select(NOTIFICATION.KIND, NOTIFICATION.ACTOR_ID, NOTIFICATION.DETAIL)
			.from(NOTIFICATION)
			.where(NOTIFICATION.RECIPIENT_ID.eq(person.id()))
			.orderBy(NOTIFICATION.ID)
			.fetch();
	}

	private ReviewDraft draft(String content, boolean anonymous, boolean studentsOnly) {
		return new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, content, anonymous, studentsOnly);
	}

}
