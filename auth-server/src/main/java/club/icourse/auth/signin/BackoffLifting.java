package club.icourse.auth.signin;

import club.icourse.auth.account.BackoffCleared;
import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimiter;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An administrator lifted an account's back-off: the failures so far stop counting (a
 * marker in the history, as a success would be) and the account's sign-in rate limit is
 * full again.
 */
@Component
class BackoffLifting {

	private final SignInAttempts attempts;

	private final RateLimiter rateLimiter;

	private final Clock clock;

	BackoffLifting(SignInAttempts attempts, RateLimiter rateLimiter, Clock clock) {
		this.attempts = attempts;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
	}

	@EventListener
	void onBackoffCleared(BackoffCleared cleared) {
		attempts.record(cleared.accountId(), "", "-", null, SignInOutcome.BACKOFF_CLEARED, clock.instant());
		rateLimiter.reset(RateLimit.SIGN_IN_ACCOUNT, new SignInSubject(cleared.accountId(), "").limitKey());
	}

}
