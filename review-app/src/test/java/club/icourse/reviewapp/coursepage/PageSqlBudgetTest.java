package club.icourse.reviewapp.coursepage;

import static club.icourse.db.review.Tables.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.web.sqlcount.RequestSqlCounts;
import club.icourse.web.sqlcount.SqlTally;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A signed-in reader's pages stay within a fixed number of SQL statements and write
 * nothing (counted at the JDBC level for each request, not timed): the browser session is
 * read once and not written while it is unchanged, and the course page reads the reader's
 * state on the course in one query.
 */
@ReviewAppTest
class PageSqlBudgetTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	// The session, the unread count in the header, the course (with its teachers,
	// offerings and figures), the reader's vote, follow and own review, the reviews'
	// count and page, their comments, the reader's upvotes among them, the term summary.
	// It was 17 (issue 20).
	private static final int COURSE_PAGE_SIGNED_IN = 9;

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	RequestSqlCounts counts;

	@Test
	void aSignedInCoursePageReadsAFixedNumberOfStatementsAndWritesNothing() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("预算测试课", "2025-spring");
		LocalDateTime now = LocalDateTime.now();
		dsl.insertInto(REVIEW)
			.set(REVIEW.COURSE_ID, course)
			.set(REVIEW.AUTHOR_ID, catalogue.student().id())
			.set(REVIEW.TERM, "2025-spring")
			.set(REVIEW.CONTENT, "有评价才有卡片")
			.set(REVIEW.CONTENT_HTML, "<p>有评价才有卡片</p>")
			.set(REVIEW.CREATED_AT, now)
			.set(REVIEW.UPDATED_AT, now)
			.execute();
		String path = "/courses/" + course;
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.student("budget" + System.nanoTime() % 1_000_000));
			browser.open(path);
			counts.clear();
			browser.open(path);
			SqlTally tally = counts.next(path, WAIT);
			assertThat(tally.statements()).as(String.join("\n", tally.sql()))
				.isLessThanOrEqualTo(COURSE_PAGE_SIGNED_IN);
			assertThat(tally.writeTransactions()).as(String.join("\n", tally.sql())).isZero();
		}
	}

}
