package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.SEARCH_QUERY_LOG;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;

import club.icourse.reviewapp.people.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep5;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * What people searched for, how much it found and at which step; anonymous unless signed
 * in. Written in batches every few seconds rather than one insert per search, which would
 * double a search's time.
 */
@Repository
class QueryLog {

	/** A query as people typed it, how often, and how much it found the last time. */
	record Frequent(String query, int times, int lastResults) {
	}

	private record Entry(String query, LocalDateTime at, int results, String step, Long personId) {
	}

	private final DSLContext dsl;

	private final Clock clock;

	private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();

	QueryLog(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	void record(String query, int results, MatchStep step, Optional<Person> searcher) {
		String text = query.length() > 200 ? query.substring(0, 200) : query;
		pending.add(new Entry(text, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), results,
				step == null ? null : step.name(), searcher.map(Person::id).orElse(null)));
	}

	/**
	 * The most frequent queries since the given time; only those that found nothing when
	 * {@code empty}.
	 */
	List<Frequent> frequent(Duration within, boolean empty, int limit) {
		Condition recent = SEARCH_QUERY_LOG.SEARCHED_AT
			.ge(LocalDateTime.ofInstant(clock.instant().minus(within), ZoneOffset.UTC));
		Condition which = empty ? recent.and(SEARCH_QUERY_LOG.RESULT_COUNT.eq(0)) : recent;
		Field<Integer> times = count().as("times");
		return dsl.select(SEARCH_QUERY_LOG.QUERY, times, max(SEARCH_QUERY_LOG.RESULT_COUNT))
			.from(SEARCH_QUERY_LOG)
			.where(which)
			.groupBy(SEARCH_QUERY_LOG.QUERY)
			.orderBy(times.desc(), SEARCH_QUERY_LOG.QUERY)
			.limit(limit)
			.fetch(r -> new Frequent(r.value1(), r.value2(), r.value3()));
	}

	/**
	 * Writes what is queued. Synchronized: a flush that finds the queue empty while the
	 * scheduled one is still writing what it took waits for that write, so everything
	 * queued before the call is in the table when it returns.
	 */
	@Scheduled(fixedDelayString = "${icourse.search.query-log-interval:5s}")
	synchronized void flush() {
		List<Entry> batch = new ArrayList<>();
		for (Entry entry = pending.poll(); entry != null && batch.size() < 10_000; entry = pending.poll()) {
			batch.add(entry);
		}
		if (batch.isEmpty()) {
			return;
		}
		InsertValuesStep5<?, String, LocalDateTime, Integer, String, Long> insert = dsl.insertInto(SEARCH_QUERY_LOG,
				SEARCH_QUERY_LOG.QUERY, SEARCH_QUERY_LOG.SEARCHED_AT, SEARCH_QUERY_LOG.RESULT_COUNT,
				SEARCH_QUERY_LOG.STEP, SEARCH_QUERY_LOG.PERSON_ID);
		batch.forEach(
				entry -> insert.values(entry.query(), entry.at(), entry.results(), entry.step(), entry.personId()));
		insert.execute();
	}

}
