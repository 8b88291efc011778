package club.icourse.reviewapp.search;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts matches up to a limit and stops there: "1,000 or more" is all a page needs to
 * say, and counting every one of 50,000 reviews that mention a common word would cost
 * more than the search itself.
 */
final class CappedCount implements CollectorManager<CappedCount.Counter, Integer> {

	private final int limit;

	CappedCount(int limit) {
		this.limit = limit;
	}

	@Override
	public Counter newCollector() {
		return new Counter(limit);
	}

	@Override
	public Integer reduce(Collection<Counter> counters) {
		return Math.min(limit, counters.stream().mapToInt(counter -> counter.count).sum());
	}

	static final class Counter implements Collector {

		private final int limit;

		private int count;

		Counter(int limit) {
			this.limit = limit;
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) {
			if (count >= limit) {
				throw new CollectionTerminatedException();
			}
			return new LeafCollector() {
				@Override
				public void setScorer(Scorable scorer) {
				}

				@Override
				public void collect(int doc) {
					if (++count >= limit) {
						throw new CollectionTerminatedException();
					}
				}
			};
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
