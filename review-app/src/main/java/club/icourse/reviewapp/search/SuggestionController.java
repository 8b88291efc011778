package club.icourse.reviewapp.search;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search-as-you-type: a few courses and teachers for what has been typed so far, as JSON.
 */
@RestController
class SuggestionController {

	private static final int LIMIT = 8;

	private final CatalogueSearch search;

	private final SuggestionRateLimit rateLimit;

	SuggestionController(CatalogueSearch search, SuggestionRateLimit rateLimit) {
		this.search = search;
		this.rateLimit = rateLimit;
	}

	@GetMapping("/search/suggestions")
	ResponseEntity<List<CatalogueSearch.Suggestion>> suggestions(
			@RequestParam(name = "q", required = false) String typed, HttpServletRequest request) {
		Optional<Duration> wait = rateLimit.waitBefore(request);
		if (wait.isPresent()) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)))
				.body(List.of());
		}
		return ResponseEntity.ok(search.suggest(typed, LIMIT));
	}

}
