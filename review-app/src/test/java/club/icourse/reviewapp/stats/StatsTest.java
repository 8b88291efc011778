package club.icourse.reviewapp.stats;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.UUID;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The figures on a known dataset: everything here is dated in 2001, long before anything
 * other tests write, so the figures "as of" 2001 see exactly this dataset.
 */
@ReviewAppTest
class StatsTest {

	private static final LocalDateTime JANUARY = LocalDateTime.of(2001, 1, 10, 12, 0);

	private static final LocalDateTime MARCH = LocalDateTime.of(2001, 3, 20, 12, 0);

	@LocalServerPort
	int port;

	@Autowired
	SiteStats stats;

	@Autowired
	Reviews reviews;

	@Autowired
	DSLContext dsl;

	@Test
	void theFiguresAsOfADayEqualDirectCountsOfAKnownDataset() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long algebra = dated(catalogue.course("统计测试·代数", "2025-spring"), JANUARY);
		long physics = dated(catalogue.course("统计测试·物理", "2025-spring"), MARCH);
		dsl.insertInto(TEACHER)
			.set(TEACHER.IMPORT_KEY, UUID.randomUUID().toString())
			.set(TEACHER.NAME, "统计老师")
			.set(TEACHER.CREATED_AT, JANUARY)
			.execute();
		Person first = person(catalogue, JANUARY);
		Person second = person(catalogue, MARCH);
		Person third = person(catalogue, MARCH);
		review(first, algebra, 10, JANUARY);
		review(second, algebra, 6, MARCH);
		review(third, physics, 7, MARCH);
		long hidden = review(first, physics, 2, MARCH);
		reviews.hide(first, hidden, true);

		SiteStats.Figures february = stats.figures(LocalDate.of(2001, 2, 28));
		assertThat(february.people()).isEqualTo(1);
		assertThat(february.courses()).isEqualTo(1);
		assertThat(february.teachers()).isEqualTo(1);
		assertThat(february.reviews()).isEqualTo(1);
		assertThat(february.averageRating()).isEqualTo(10.0);

		SiteStats.Figures march = stats.figures(LocalDate.of(2001, 3, 31));
		assertThat(march.people()).isEqualTo(3);
		assertThat(march.courses()).isEqualTo(2);
		assertThat(march.reviews()).as("the hidden one does not count").isEqualTo(3);
		assertThat(march.averageRating()).isEqualTo(23 / 3.0);
		assertThat(march.reviewsPerCourse()).isEqualTo(1.5);
		assertThat(march.daysRunning()).isEqualTo(81);

		assertThat(stats.months(LocalDate.of(2001, 3, 31))).containsExactly(
				new SiteStats.Month(YearMonth.of(2001, 1), 1, 1, 1, 1),
				new SiteStats.Month(YearMonth.of(2001, 2), 0, 0, 1, 1),
				new SiteStats.Month(YearMonth.of(2001, 3), 2, 2, 3, 3));
		assertThat(stats.ratingDistribution(LocalDate.of(2001, 3, 31))).containsExactly(0, 0, 0, 0, 0, 1, 1, 0, 0, 1);

		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage page = browser.open("/stats?asOf=2001-03-31");
			assertThat(page.getElementById("figures").asNormalizedText()).contains("People\n3", "Reviews\n3", "3.83 ★");
			assertThat(page.asXml()).contains("<svg");
			assertThat(browser.open("/stats?asOf=<script>").asNormalizedText()).contains("showing today");
			assertThat(browser.open("/stats?asOf=2999-01-01").asNormalizedText()).contains("showing today");
			browser.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
			browser.client().getOptions().setRedirectEnabled(false);
			assertThat(browser.status("/admin/activity")).isEqualTo(302);
		}
		try (ReviewBrowser admin = new ReviewBrowser(port)) {
			admin.signIn(Identity.admin("act" + System.nanoTime() % 1_000_000));
			assertThat(admin.open("/admin/activity").getElementById("monthly-activity").asNormalizedText())
				.contains(YearMonth.now().toString());
		}
	}

	private long dated(long course, LocalDateTime at) {
		dsl.update(COURSE).set(COURSE.CREATED_AT, at).where(COURSE.ID.eq(course)).execute();
		return course;
	}

	private Person person(TestCatalogue catalogue, LocalDateTime at) {
		Person person = catalogue.student();
		dsl.update(PERSON).set(PERSON.CREATED_AT, at).where(PERSON.ID.eq(person.id())).execute();
		return person;
	}

	private long review(Person author, long course, int rating, LocalDateTime at) {
		long id = reviews.write(author, new ReviewDraft(course, "2025-spring", rating, 2, 2, 2, 2, "统计", false, false));
		dsl.update(REVIEW).set(REVIEW.CREATED_AT, at).set(REVIEW.UPDATED_AT, at).where(REVIEW.ID.eq(id)).execute();
		return id;
	}

}
