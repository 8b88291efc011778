package club.icourse.reviewapp.api;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.moderation.Announcements;
import club.icourse.web.sqlcount.RequestSqlCounts;
import club.icourse.web.sqlcount.SqlTally;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An API call runs none of the pages' header queries (the banner announcement, the unread
 * count): counted at the JDBC level, with the banner's few-second memory emptied first so
 * a page would have to read it.
 */
@ReviewAppTest
class ApiSqlTest {

	private static final FakeIdentityProvider PROVIDER = FakeIdentityProvider.shared();

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	RequestSqlCounts counts;

	@Autowired
	Announcements announcements;

	@Test
	void anApiCallReadsNoBannerAndNoUnreadCount() throws Exception {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("API 查询数课", "2025-spring");
		ApiClient app = new ApiClient(port, PROVIDER.accessToken("app-" + UUID.randomUUID(), null));
		String path = "/api/courses/" + course + "/reviews";
		// Withdrawing nothing empties the banner's memory, as any change to announcements
		// does.
		announcements.withdraw(catalogue.admin(), Long.MAX_VALUE);
		counts.clear();
		assertThat(app.get(path).status()).isEqualTo(200);
		SqlTally tally = counts.next(path, Duration.ofSeconds(5));
		assertThat(tally.sql()).as(String.join("\n", tally.sql()))
			.noneMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("announcement"))
			.noneMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("notification"));
	}

}
