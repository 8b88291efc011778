package club.icourse.reviewapp.course;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * How many courses each filter of the course list matches, remembered for half a minute
 * per instance: at ten times iCourse's size, counting 140,000 courses cost more than the
 * rest of the page, and a pager a few seconds behind a catalogue import is harmless. A
 * course changed through this instance forgets them at once.
 */
@Component
class CourseListTotals {

	private static final long KEEP_NANOS = Duration.ofSeconds(30).toNanos();

	/** Filters come from addresses anyone can type: the map never grows past this. */
	private static final int MOST = 1_000;

	private record Total(int value, long at) {
	}

	private final Map<List<String>, Total> totals = new ConcurrentHashMap<>();

	int total(String department, String courseType, String term, IntSupplier count) {
		List<String> filter = Arrays.asList(department, courseType, term);
		long now = System.nanoTime();
		Total known = totals.get(filter);
		if (known != null && now - known.at() < KEEP_NANOS) {
			return known.value();
		}
		if (totals.size() >= MOST) {
			totals.clear();
		}
		int value = count.getAsInt();
		totals.put(filter, new Total(value, now));
		return value;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(CourseChanged changed) {
		totals.clear();
	}

}
