package club.icourse.auth.ratelimit;

import java.time.Duration;

/** Whether a request may go ahead, and if not, how long until it may. */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

	static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

}
