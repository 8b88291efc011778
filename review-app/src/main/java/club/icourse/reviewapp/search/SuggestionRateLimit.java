package club.icourse.reviewapp.search;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for suggestions, per instance: a suggestion costs a
 * fraction of a millisecond and nothing is at stake but load, so buckets need not be
 * shared between instances (unlike sign-in limits).
 */
@Component
class SuggestionRateLimit {

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final double perSecond;

	private final double burst;

	SuggestionRateLimit(@Value("${icourse.search.suggestions-per-second:10}") double perSecond,
			@Value("${icourse.search.suggestions-burst:30}") double burst) {
		this.perSecond = perSecond;
		this.burst = burst;
	}

	boolean tryTake(String client) {
		return buckets.computeIfAbsent(client, key -> new Bucket(burst, System.nanoTime())).tryTake(perSecond, burst);
	}

	/**
	 * Full buckets say nothing a new bucket would not: drop them, so the map stays small.
	 */
	@Scheduled(fixedDelay = 60_000)
	void forgetIdle() {
		buckets.values().removeIf(bucket -> bucket.full(perSecond, burst));
	}

	private static final class Bucket {

		private double tokens;

		private long refilled;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.refilled = now;
		}

		synchronized boolean tryTake(double perSecond, double burst) {
			refill(perSecond, burst);
			if (tokens < 1) {
				return false;
			}
			tokens--;
			return true;
		}

		synchronized boolean full(double perSecond, double burst) {
			refill(perSecond, burst);
			return tokens >= burst;
		}

		private void refill(double perSecond, double burst) {
			long now = System.nanoTime();
			tokens = Math.min(burst, tokens + (now - refilled) / 1e9 * perSecond);
			refilled = now;
		}

	}

}
