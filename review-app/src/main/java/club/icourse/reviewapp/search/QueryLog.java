package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.SEARCH_QUERY_LOG;

import club.icourse.reviewapp.people.Person;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * What people searched for, how much it found and at which step; anonymous unless signed in. Written in batches
 * every few seconds rather than one insert per search, which would double a search's time.
 */
@Repository
class QueryLog {

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

    @Scheduled(fixedDelayString = "${icourse.search.query-log-interval:5s}")
    void flush() {
        List<Entry> batch = new ArrayList<>();
        for (Entry entry = pending.poll(); entry != null && batch.size() < 10_000; entry = pending.poll()) {
            batch.add(entry);
        }
        if (batch.isEmpty()) {
            return;
        }
        InsertValuesStep5<?, String, LocalDateTime, Integer, String, Long> insert = dsl.insertInto(SEARCH_QUERY_LOG,
                SEARCH_QUERY_LOG.QUERY, SEARCH_QUERY_LOG.SEARCHED_AT, SEARCH_QUERY_LOG.RESULT_COUNT, SEARCH_QUERY_LOG.STEP,
                SEARCH_QUERY_LOG.PERSON_ID);
        batch.forEach(entry -> insert.values(entry.query(), entry.at(), entry.results(), entry.step(), entry.personId()));
        insert.execute();
    }
}
