package club.icourse.reviewapp.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.testsupport.mail.MailContent;
import club.icourse.testsupport.mail.TestMailServer;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15: the review site's mails are written in the language the person chose at
 * iCourse ID (the locale claim of their last sign-in), in Chinese when they never said.
 */
@ReviewAppTest
class BlockMailLanguageTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Autowired
	PersonRepository people;

	private long course;

	private Person admin;

	@BeforeEach
	void aCourse() {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		course = catalogue.course("语言测试课", "2025-spring");
		admin = catalogue.admin();
	}

	@Test
	void anEnglishSpeakerIsToldInEnglishAndInChineseAfterSwitchingAtTheProvider() throws Exception {
		Identity english = Identity.student("en" + System.nanoTime() % 1_000_000).speaking("en-US");
		long review = reviews.write(signIn(english), draft());
		reviews.block(admin, review, true, "off topic");
		MailContent blocked = mailTo(english, 1);
		assertThat(blocked.subject()).isEqualTo("Your review on iCourse was blocked");
		assertThat(blocked.text()).contains("Hello " + english.username(), "Reason: off topic", "/reviews/" + review);
		assertThat(blocked.html()).contains("lang=\"en-US\"");

		signIn(english.speaking("zh_CN"));
		reviews.block(admin, review, false, null);
		MailContent unblocked = mailTo(english, 2);
		assertThat(unblocked.subject()).as("the language of the last sign-in").isEqualTo("你在 iCourse 的点评已恢复显示");
		assertThat(unblocked.html()).contains("lang=\"zh-CN\"");
	}

	@Test
	void someoneWhoNeverSaidIsToldInChinese() throws Exception {
		Identity silent = Identity.student("zh" + System.nanoTime() % 1_000_000);
		long review = reviews.write(signIn(silent), draft());
		reviews.block(admin, review, true, "");
		assertThat(mailTo(silent, 1).subject()).isEqualTo("你在 iCourse 的点评已被屏蔽");
	}

	private Person signIn(Identity identity) throws Exception {
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(identity);
		}
		return people.byUsername(identity.username()).orElseThrow();
	}

	/** The person's nth mail, waiting for it. */
	private static MailContent mailTo(Identity identity, int nth) {
		return MailContent.of(TestMailServer.shared()
			.awaitMessagesTo(identity.username() + "@mail.ustc.edu.cn", nth, Duration.ofSeconds(30))
			.get(nth - 1));
	}

	private ReviewDraft draft() {
		return new ReviewDraft(course, "2025-spring", 6, 2, 2, 2, 2, "一条会被屏蔽的点评", false, false);
	}

}
