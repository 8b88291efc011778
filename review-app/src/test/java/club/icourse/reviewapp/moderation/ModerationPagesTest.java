package club.icourse.reviewapp.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reporting, the admin queue, muting and the banner, in a browser over real HTTP. */
@ReviewAppTest
class ModerationPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Test
	void aReportGoesThroughTheQueueAMutedPersonIsToldWhyAndTheBannerShows() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("举报测试课" + System.nanoTime() % 10_000, "2025-spring");
		Person author = catalogue.student();
		long review = reviews.write(author,
				new ReviewDraft(course, "2025-spring", 2, 3, 3, 3, 1, "加微信买答案", false, false));
		Identity reporter = Identity.student("rep" + System.nanoTime() % 1_000_000);
		Identity admin = Identity.admin("adm" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser reporting = new ReviewBrowser(port); ReviewBrowser moderating = new ReviewBrowser(port)) {
			reporting.signIn(reporter);
			HtmlForm report = reporting.form(reporting.open("/courses/" + course), "/reviews/" + review + "/report");
			report.getSelectByName("reason").setSelectedAttribute("spam", true);
			report.getInputByName("details").setValue("广告");
			assertThat(ReviewBrowser.submit(report).asNormalizedText())
				.contains("an administrator will look at your report");

			moderating.signIn(admin);
			HtmlPage queue = moderating.open("/admin/reports");
			assertThat(queue.asNormalizedText()).contains("Reported by " + reporter.username(), "加微信买答案",
					"Spam or advertising");
			HtmlForm handle = moderating.form(queue,
					"/admin/reports/" + queue.getElementsByTagName("form")
						.stream()
						.map(form -> form.getAttribute("action"))
						.filter(action -> action.startsWith("/admin/reports/"))
						.findFirst()
						.orElseThrow()
						.substring("/admin/reports/".length()));
			handle.getInputByName("note").setValue("广告");
			HtmlPage after = handle.getOneHtmlElementByAttribute("button", "value", "blocked").click();
			assertThat(after.asNormalizedText()).contains("No open reports");
			assertThat(reporting.open("/notifications").asNormalizedText()).contains("was blocked by an administrator");
			assertThat(moderating.open("/admin/moderation-log").asNormalizedText()).contains("report.blocked",
					"review.block");

			HtmlForm mute = moderating.form(moderating.open("/people/" + reporter.username()), "/mute");
			mute.getInputByName("days").setValue("2");
			mute.getInputByName("reason").setValue("测试禁言");
			assertThat(ReviewBrowser.submit(mute).asNormalizedText()).contains("Muted until");

			HtmlPage form = reporting.open("/courses/" + course + "/review");
			HtmlForm write = reporting.form(form, "/review");
			write.getTextAreaByName("content").setText("被禁言后发的评价");
			reporting.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
			HtmlPage refused = ReviewBrowser.submit(write);
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
			assertThat(refused.asNormalizedText()).contains("An administrator has muted you until");

			HtmlForm announce = moderating.form(moderating.open("/admin/announcements"), "/admin/announcements");
			announce.getTextAreaByName("body").setText("期末周服务器维护 <script>");
			announce.getInputByName("banner").setChecked(true);
			ReviewBrowser.submit(announce);
			try (ReviewBrowser stranger = new ReviewBrowser(port)) {
				assertThat(stranger.open("/").getElementById("banner").asNormalizedText())
					.isEqualTo("期末周服务器维护 <script>");
			}
		}
	}

}
