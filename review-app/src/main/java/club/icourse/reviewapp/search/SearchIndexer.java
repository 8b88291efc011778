package club.icourse.reviewapp.search;

import club.icourse.reviewapp.search.SearchChangeLog.Change;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds this instance's index from the database before the site starts answering, then
 * follows the change-log. Each instance remembers the last change it applied and never
 * claims rows: every instance needs every change.
 */
@Component
class SearchIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private static final Duration LATE_COMMITS = Duration.ofSeconds(30);

	private static final int BATCH = 1_000;

	private static final int MAX_GAPS = 1_000;

	private final SearchIndex index;

	private final SearchSource source;

	private final SearchChangeLog changes;

	private final Duration keep;

	private volatile boolean running;

	private long applied;

	private final Map<Long, Long> gaps = new HashMap<>();

	SearchIndexer(SearchIndex index, SearchSource source, SearchChangeLog changes,
			@Value("${icourse.search.change-log-keep:1d}") Duration keep) {
		this.index = index;
		this.source = source;
		this.changes = changes;
		this.keep = keep;
	}

	/** Before the web server (a later phase) opens its port. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void start() {
		long started = System.nanoTime();
		build();
		log.info("Search index built: {} documents, {} MB, in {} ms", index.documents(), index.bytes() >> 20,
				(System.nanoTime() - started) / 1_000_000);
		running = true;
	}

	/**
	 * Everything from the database; changes made meanwhile are in the change-log after
	 * the id taken first. That id is the last one of changes older than
	 * {@link #LATE_COMMITS}: a transaction that took its id earlier but committed only
	 * after the build read its review or course is replayed too (replaying is harmless:
	 * it reads them again).
	 */
	synchronized void build() {
		applied = changes.lastIdBefore(LATE_COMMITS);
		source.courses(null, course -> index.put(SearchKind.COURSE, course.id(), IndexDocuments.course(course)));
		source.teachers(null, teacher -> index.put(SearchKind.TEACHER, teacher.id(), IndexDocuments.teacher(teacher)));
		source.reviews(null, review -> index.put(SearchKind.REVIEW, review.id(), IndexDocuments.review(review)));
		index.refresh();
	}

	@Scheduled(fixedDelayString = "${icourse.search.poll-interval:2s}")
	void poll() {
		if (running) {
			catchUp();
		}
	}

	/**
	 * Applies the change-log rows this instance has not applied yet; returns how many. An
	 * id is taken when a transaction inserts its row but shows only at commit, so a later
	 * id may show before an earlier one: the ids skipped over are looked for again for a
	 * while, then given up (rolled back, or never used).
	 */
	synchronized int catchUp() {
		long now = System.nanoTime();
		List<Change> late = gaps.isEmpty() ? List.of() : changes.withIds(gaps.keySet());
		apply(late);
		late.forEach(change -> gaps.remove(change.id()));
		gaps.values().removeIf(seen -> now - seen > LATE_COMMITS.toNanos());
		int count = late.size();
		List<Change> batch;
		do {
			batch = changes.after(applied, BATCH);
			apply(batch);
			for (Change change : batch) {
				if (change.id() - applied <= MAX_GAPS) {
					for (long skipped = applied + 1; skipped < change.id(); skipped++) {
						gaps.put(skipped, now);
					}
				}
				applied = change.id();
			}
			count += batch.size();
		}
		while (batch.size() == BATCH);
		index.refresh();
		return count;
	}

	private void apply(List<Change> batch) {
		Map<SearchKind, Set<Long>> ids = batch.stream()
			.collect(Collectors.groupingBy(Change::kind,
					Collectors.mapping(Change::entityId, Collectors.toCollection(TreeSet::new))));
		Set<Long> courses = ids.getOrDefault(SearchKind.COURSE, Set.of());
		Set<Long> teachers = new TreeSet<>(ids.getOrDefault(SearchKind.TEACHER, Set.of()));
		if (!courses.isEmpty()) {
			teachers.addAll(source.teachersOf(courses));
		}
		replace(SearchKind.COURSE, courses, found -> source.courses(courses, course -> {
			found.add(course.id());
			index.put(SearchKind.COURSE, course.id(), IndexDocuments.course(course));
		}));
		replace(SearchKind.TEACHER, teachers, found -> source.teachers(teachers, teacher -> {
			found.add(teacher.id());
			index.put(SearchKind.TEACHER, teacher.id(), IndexDocuments.teacher(teacher));
		}));
		Set<Long> reviews = ids.getOrDefault(SearchKind.REVIEW, Set.of());
		replace(SearchKind.REVIEW, reviews, found -> source.reviews(reviews, review -> {
			found.add(review.id());
			index.put(SearchKind.REVIEW, review.id(), IndexDocuments.review(review));
		}));
	}

	/** Re-reads the named entities; those the database no longer has leave the index. */
	private void replace(SearchKind kind, Set<Long> ids, Consumer<Set<Long>> reading) {
		if (ids.isEmpty()) {
			return;
		}
		Set<Long> found = new TreeSet<>();
		reading.accept(found);
		ids.stream().filter(id -> !found.contains(id)).forEach(id -> index.delete(kind, id));
	}

	@Scheduled(fixedDelayString = "${icourse.search.prune-interval:1h}",
			initialDelayString = "${icourse.search.prune-interval:1h}")
	void prune() {
		int pruned = changes.prune(keep);
		if (pruned > 0) {
			log.info("Pruned {} search change-log rows older than {}", pruned, keep);
		}
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
