package club.icourse.reviewapp.search;

import org.springframework.context.ApplicationContext;

/**
 * For benchmarks that write their data straight into the database: builds the index
 * again.
 */
public final class IndexRebuild {

	private IndexRebuild() {
	}

	public static void rebuild(ApplicationContext context) {
		context.getBean(SearchIndexer.class).build();
	}

}
