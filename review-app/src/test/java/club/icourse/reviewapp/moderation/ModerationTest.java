package club.icourse.reviewapp.moderation;

import static club.icourse.db.review.Tables.MODERATION_LOG;
import static club.icourse.db.review.Tables.NOTIFICATION;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REPORT;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_COMMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.people.MutedException;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.testsupport.mail.MailContent;
import club.icourse.testsupport.mail.TestMailServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReviewAppTest
class ModerationTest {

	@Autowired
	Reviews reviews;

	@Autowired
	Comments comments;

	@Autowired
	Reports reports;

	@Autowired
	Muting muting;

	@Autowired
	Announcements announcements;

	@Autowired
	LocalAdmins localAdmins;

	@Autowired
	DSLContext dsl;

	private TestCatalogue catalogue;

	private long course;

	private Person admin;

	@BeforeEach
	void setUp() {
		catalogue = new TestCatalogue(dsl);
		course = catalogue.course("管理测试课", "2025-spring");
		admin = catalogue.admin();
	}

	@Test
	void aMutedPersonCannotPostOrCommentUntilTheMuteIsLifted() {
		Person loud = catalogue.student();
		long review = reviews.write(catalogue.student(), draft("一条评价"));
		muting.mute(admin, loud.id(), 3, "刷屏");

		assertThatThrownBy(() -> reviews.write(loud, draft("又来了"))).isInstanceOf(MutedException.class);
		assertThatThrownBy(() -> comments.write(loud, review, "评论")).isInstanceOf(MutedException.class);
		assertThat(dsl.fetchCount(REVIEW, REVIEW.AUTHOR_ID.eq(loud.id()))).isZero();
		assertThat(kinds(loud)).containsExactly("MUTED");

		muting.mute(admin, loud.id(), 0, "");
		reviews.write(loud, draft("可以说话了"));
		comments.write(loud, review, "评论");
		assertThat(kinds(loud)).containsExactly("MUTED", "UNMUTED");
		assertThat(logged("person.mute", loud.id())).isEqualTo(1);
		assertThat(logged("person.unmute", loud.id())).isEqualTo(1);
		assertThatThrownBy(() -> muting.mute(catalogue.student(), loud.id(), 3, ""))
			.isInstanceOf(ModerationRefusedException.class);
		assertThatThrownBy(() -> muting.mute(admin, loud.id(), -1, "")).isInstanceOf(ModerationRefusedException.class);
	}

	@Test
	void aReportedReviewBlockedFromTheQueueTellsItsAuthorTheReasonAndEveryReporterTheOutcome() {
		Person author = catalogue.student();
		long review = reviews.write(author, draft("广告：代写作业"));
		Person first = catalogue.student();
		Person second = catalogue.teacher();
		reports.reportReview(first, review, "spam", "<b>明显是广告</b>");
		reports.reportReview(first, review, "spam", "again");
		reports.reportReview(second, review, "other", null);
		assertThat(dsl.fetchCount(REPORT, REPORT.REVIEW_ID.eq(review))).as("one open report per person").isEqualTo(2);
		assertThat(reports.open(1).items()).extracting(Reports.ReportView::reviewId).contains(review);

		long reportId = dsl.select(REPORT.ID)
			.from(REPORT)
			.where(REPORT.REVIEW_ID.eq(review))
			.and(REPORT.REPORTER_ID.eq(first.id()))
			.fetchSingle()
			.value1();
		reports.handle(admin, reportId, "blocked", "违规广告");

		assertThat(dsl.select(REVIEW.BLOCKED, REVIEW.BLOCKED_REASON)
			.from(REVIEW)
			.where(REVIEW.ID.eq(review))
			.fetchSingle()).extracting(r -> r.value1(), r -> r.value2()).containsExactly(true, "违规广告");
		assertThat(kinds(author)).containsExactly("REVIEW_BLOCKED");
		assertThat(kinds(first)).containsExactly("REPORT_HANDLED");
		assertThat(kinds(second)).containsExactly("REPORT_HANDLED");
		assertThat(dsl.fetchCount(REPORT, REPORT.REVIEW_ID.eq(review).and(REPORT.STATUS.eq("blocked")))).isEqualTo(2);
		assertThat(logged("report.blocked", review)).isEqualTo(1);
		assertThat(logged("review.block", review)).isEqualTo(1);
		assertThatThrownBy(() -> reports.handle(admin, reportId, "blocked", "")).as("already handled")
			.isInstanceOf(ModerationRefusedException.class);
	}

	@Test
	void theAuthorOfABlockedReviewIsToldByMailToo() {
		Person author = catalogue.student();
		String address = author.username() + "@mail.ustc.edu.cn";
		dsl.update(PERSON).set(PERSON.EMAIL, address).where(PERSON.ID.eq(author.id())).execute();
		long review = reviews.write(author, draft("会被屏蔽的点评"));
		reviews.block(admin, review, true, "人身攻击");

		MailContent mail = MailContent.of(TestMailServer.shared().awaitMessageTo(address, Duration.ofSeconds(30)));
		assertThat(mail.subject()).isEqualTo("你在 iCourse 的点评已被屏蔽");
		assertThat(mail.text()).contains("管理测试课", "原因：人身攻击", "/reviews/" + review);
	}

	@Test
	void aReportedCommentCanBeDeletedOrTheReportDismissedAndBadReportsAreRefused() {
		Person author = catalogue.student();
		long review = reviews.write(author, draft("正常评价"));
		Person rude = catalogue.student();
		long comment = comments.write(rude, review, "骂人的话");
		Person reporter = catalogue.student();
		reports.reportComment(reporter, comment, "abuse", "");
		long reportId = dsl.select(REPORT.ID).from(REPORT).where(REPORT.COMMENT_ID.eq(comment)).fetchSingle().value1();
		reports.handle(admin, reportId, "blocked", "");
		assertThat(dsl.fetchExists(REVIEW_COMMENT, REVIEW_COMMENT.ID.eq(comment))).isFalse();
		assertThat(kinds(reporter)).containsExactly("REPORT_HANDLED");

		reports.reportReview(reporter, review, "off-topic", "");
		long dismissed = dsl.select(REPORT.ID).from(REPORT).where(REPORT.REVIEW_ID.eq(review)).fetchSingle().value1();
		reports.handle(admin, dismissed, "dismissed", "");
		assertThat(dsl.select(REVIEW.BLOCKED).from(REVIEW).where(REVIEW.ID.eq(review)).fetchSingle().value1())
			.isFalse();
		assertThat(dsl.select(NOTIFICATION.DETAIL)
			.from(NOTIFICATION)
			.where(NOTIFICATION.RECIPIENT_ID.eq(reporter.id()))
			.orderBy(NOTIFICATION.ID)
			.fetch(NOTIFICATION.DETAIL)).containsExactly("blocked", "dismissed");

		assertThatThrownBy(() -> reports.reportReview(author, review, "spam", "")).as("one's own")
			.isInstanceOf(ModerationRefusedException.class);
		assertThatThrownBy(() -> reports.reportReview(reporter, review, "<script>", ""))
			.isInstanceOf(ModerationRefusedException.class);
		assertThatThrownBy(() -> reports.reportReview(reporter, review, "spam", "长".repeat(1001)))
			.isInstanceOf(ModerationRefusedException.class);
		assertThatThrownBy(() -> reports.reportReview(reporter, -1, "spam", ""))
			.isInstanceOf(ModerationRefusedException.class);
		reviews.hide(author, review, true);
		assertThatThrownBy(() -> reports.reportReview(reporter, review, "spam", "")).as("a review one cannot read")
			.isInstanceOf(ModerationRefusedException.class);
		assertThatThrownBy(() -> reports.handle(reporter, dismissed, "blocked", ""))
			.isInstanceOf(ModerationRefusedException.class);
	}

	@Test
	void anAdministratorGrantsAndWithdrawsTheRoleHereAndItIsLogged() {
		Person helper = catalogue.teacher();
		localAdmins.grant(admin, helper.id(), true);
		assertThat(localAdmins.isLocalAdmin(helper.id())).isTrue();
		localAdmins.grant(admin, helper.id(), false);
		assertThat(localAdmins.isLocalAdmin(helper.id())).isFalse();
		assertThat(logged("person.admin-grant", helper.id())).isEqualTo(1);
		assertThatThrownBy(() -> localAdmins.grant(helper, catalogue.student().id(), true))
			.isInstanceOf(ModerationRefusedException.class);
	}

	@Test
	void aBannerShowsUntilItIsWithdrawn() {
		long id = announcements.announce(admin, "系统维护：今晚 22:00", true, 2);
		assertThat(announcements.banner()).map(Announcements.Announcement::body).contains("系统维护：今晚 22:00");
		announcements.withdraw(admin, id);
		assertThat(announcements.banner()).map(Announcements.Announcement::id)
			.as("other tests may have their own")
			.isNotEqualTo(Optional.of(id));
		assertThat(announcements.all(10)).extracting(Announcements.Announcement::id).contains(id);
		assertThatThrownBy(() -> announcements.announce(admin, " ", true, null))
			.isInstanceOf(ModerationRefusedException.class);
		assertThatThrownBy(() -> announcements.announce(catalogue.student(), "x", true, null))
			.isInstanceOf(ModerationRefusedException.class);
		assertThat(logged("announcement.create", id)).isEqualTo(1);
	}

	private int logged(String action, long subjectId) {
		return dsl.fetchCount(MODERATION_LOG,
				MODERATION_LOG.ACTION.eq(action).and(MODERATION_LOG.SUBJECT_ID.eq(subjectId)));
	}

	private List<String> kinds(Person person) {
		return dsl.select(NOTIFICATION.KIND)
			.from(NOTIFICATION)
			.where(NOTIFICATION.RECIPIENT_ID.eq(person.id()))
			.orderBy(NOTIFICATION.ID)
			.fetch(NOTIFICATION.KIND);
	}

	private ReviewDraft draft(String content) {
		return new ReviewDraft(course, "2025-spring", 6, 2, 2, 2, 2, content, false, false);
	}

}
