package club.icourse.reviewapp.catalogue;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.select;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local run's profile starts the site with the sample catalogue and the demo reviews.
 */
@ReviewAppTest
@ActiveProfiles("local")
class LocalDemoDataTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	SampleData sample;

	@Test
	void theLocalSiteStartsWithTheSampleCatalogueAndDemoReviews() throws Exception {
		assertThat(sample.demoDataLoaded()).isTrue();
		assertThat(dsl.fetchCount(REVIEW,
				REVIEW.AUTHOR_ID.in(select(PERSON.ID).from(PERSON).where(PERSON.ISSUER.eq(SampleData.DEMO_ISSUER)))))
			.isEqualTo(DemoReviews.REVIEWS);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			assertThat(
					browser.open("/search?q=" + URLEncoder.encode("数学分析", StandardCharsets.UTF_8)).asNormalizedText())
				.contains("数学分析(B1)", "MATH1001", "★");
		}
	}

}
