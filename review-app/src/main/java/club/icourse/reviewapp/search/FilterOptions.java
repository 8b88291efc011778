package club.icourse.reviewapp.search;

import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseCatalogue.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The departments and terms the results page filters by. Reading the distinct terms scans
 * every offering, which at 140,000 courses would cost more than the search itself; they
 * change once a term, so a minute-old list will do.
 */
@Component
class FilterOptions {

	private static final Duration FRESH = Duration.ofMinutes(1);

	record Options(List<Option> departments, List<Option> terms, Instant read) {
	}

	private final CourseCatalogue catalogue;

	private final Clock clock;

	private volatile Options options;

	FilterOptions(CourseCatalogue catalogue, Clock clock) {
		this.catalogue = catalogue;
		this.clock = clock;
	}

	Options current() {
		Options known = options;
		Instant now = clock.instant();
		if (known == null || known.read().plus(FRESH).isBefore(now)) {
			known = new Options(catalogue.departments(), catalogue.terms(), now);
			options = known;
		}
		return known;
	}

}
