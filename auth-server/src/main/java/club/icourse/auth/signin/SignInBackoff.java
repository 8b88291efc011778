package club.icourse.auth.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Growing waits after repeated failures with one sign-in name: after {@code freeFailures}
 * failures, each further attempt must wait {@code firstWait}, doubling up to
 * {@code longestWait}. Counted per {@link SignInSubject}: per account whatever name was
 * typed for it, and per folded name for names of no account, so the wait itself does not
 * tell which names exist.
 */
@Component
public class SignInBackoff {

	@ConfigurationProperties("icourse.sign-in.backoff")
	record Settings(@DefaultValue("5") int freeFailures, @DefaultValue("30s") Duration firstWait,
			@DefaultValue("1h") Duration longestWait, @DefaultValue("24h") Duration memory) {
	}

	private final SignInAttempts attempts;

	private final Settings settings;

	private final Clock clock;

	SignInBackoff(SignInAttempts attempts, Settings settings, Clock clock) {
		this.attempts = attempts;
		this.settings = settings;
		this.clock = clock;
	}

	/** How long the subject must still wait before its next attempt, if at all. */
	Optional<Duration> waitFor(SignInSubject subject) {
		Instant now = clock.instant();
		SignInAttempts.Failures failures = attempts.failuresSinceLastSuccess(subject, now.minus(settings.memory()));
		int beyondFree = failures.count() - settings.freeFailures();
		if (beyondFree < 0 || failures.latest() == null) {
			return Optional.empty();
		}
		Duration wait = settings.firstWait().multipliedBy(1L << Math.min(beyondFree, 20));
		if (wait.compareTo(settings.longestWait()) > 0) {
			wait = settings.longestWait();
		}
		Duration left = Duration.between(now, failures.latest().plus(wait));
		return left.isPositive() ? Optional.of(left) : Optional.empty();
	}

}
