package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.SEARCH_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A restart loses nothing, even a change whose transaction committed while the index was
 * being built.
 */
@ReviewAppTest
class SearchIndexerTest {

	@Autowired
	SearchIndexer indexer;

	@Autowired
	CatalogueSearch search;

	@Autowired
	DSLContext dsl;

	@Test
	void aChangeThatTookItsIdBeforeTheBuildButCommittedAfterItsReadIsAppliedAfterTheBuild() {
		long course = new TestCatalogue(dsl).course("索引重建前的名字", "2025-spring");
		// The change-log row of a transaction still open while the build runs: its id
		// comes before the build's
		// starting point, but its course reads the old way until it commits.
		dsl.insertInto(SEARCH_CHANGE)
			.set(SEARCH_CHANGE.KIND, SearchKind.COURSE.name())
			.set(SEARCH_CHANGE.ENTITY_ID, course)
			.set(SEARCH_CHANGE.CHANGED_AT, LocalDateTime.now(ZoneOffset.UTC))
			.execute();
		indexer.build();
		dsl.update(COURSE).set(COURSE.NAME, "天地玄黄宇宙洪荒").where(COURSE.ID.eq(course)).execute();

		indexer.catchUp();

		assertThat(
				search.search(new CatalogueSearch.Request("天地玄黄宇宙", SearchKind.COURSE, null, null, 1, Optional.empty()))
					.hits()
					.items())
			.extracting(CatalogueSearch.Hit::id)
			.contains(course);
	}

}
