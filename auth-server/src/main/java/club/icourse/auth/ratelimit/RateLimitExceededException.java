package club.icourse.auth.ratelimit;

import java.time.Duration;

/**
 * Too many requests of one kind from one client or for one account; answered with 429 and
 * Retry-After.
 */
public class RateLimitExceededException extends RuntimeException {

	private final Duration retryAfter;

	public RateLimitExceededException(Duration retryAfter) {
		super("Rate limit exceeded; retry after " + retryAfter);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	/**
	 * Whole seconds to wait, rounded up, at least one: the value of the Retry-After
	 * header.
	 */
	public long retryAfterSeconds() {
		long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

}
