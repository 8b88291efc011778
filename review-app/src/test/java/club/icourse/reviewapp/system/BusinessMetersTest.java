package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.moderation.Reports;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.reviewapp.search.CatalogueSearch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReviewAppTest
class BusinessMetersTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	Reviews reviews;

	@Autowired
	Comments comments;

	@Autowired
	Reports reports;

	@Autowired
	DSLContext dsl;

	@Autowired
	CatalogueSearch search;

	@Test
	void reviewsCommentsAndReportsAreCounted() {
		TestCatalogue catalogue = new TestCatalogue(dsl);
		long course = catalogue.course("计量测试课", "2025-spring");
		Person author = catalogue.student();
		Person reader = catalogue.student();
		double created = count("icourse.reviews", "action", "create");
		double commented = count("icourse.comments", "action", "create");
		double reported = count("icourse.reports", "reason", "spam");

		long review = reviews.write(author, new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, "计量", false, false));
		comments.write(reader, review, "评论");
		reports.reportReview(reader, review, "spam", "");
		reports.reportReview(reader, review, "spam", "again: not a new report");

		assertThat(count("icourse.reviews", "action", "create")).isEqualTo(created + 1);
		assertThat(count("icourse.comments", "action", "create")).isEqualTo(commented + 1);
		assertThat(count("icourse.reports", "reason", "spam")).isEqualTo(reported + 1);
	}

	@Test
	void searchesAndSuggestionsAreTimed() {
		long searches = timed("search");
		long suggestions = timed("suggest");
		long unsearchable = meters.find("icourse.search")
			.tag("operation", "suggest")
			.tag("step", "none")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();

		search.search(new CatalogueSearch.Request("线性代数", null, null, null, 1, Optional.empty()));
		search.suggest("!!", 8);

		assertThat(timed("search")).isEqualTo(searches + 1);
		assertThat(timed("suggest")).isEqualTo(suggestions + 1);
		assertThat(meters.find("icourse.search")
			.tag("operation", "suggest")
			.tag("step", "none")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum()).as("nothing to search for is timed under step none").isEqualTo(unsearchable + 1);
	}

	private long timed(String operation) {
		return meters.find("icourse.search")
			.tag("operation", operation)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private double count(String name, String tag, String value) {
		var counter = meters.find(name).tag(tag, value).counter();
		return counter == null ? 0 : counter.count();
	}

}
