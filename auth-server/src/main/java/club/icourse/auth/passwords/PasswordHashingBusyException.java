package club.icourse.auth.passwords;

import club.icourse.web.retry.RetryLater;

/**
 * Every permit to hash a password is taken and the queue is full, or the wait was too
 * long: the request is answered 503 with Retry-After (web-support's
 * ServiceUnavailableAnswer, a filter, because sign-in hashes inside the security filter
 * chain, before any controller).
 */
public class PasswordHashingBusyException extends RuntimeException implements RetryLater {

	private final long retryAfterSeconds;

	PasswordHashingBusyException(long retryAfterSeconds) {
		super("Too many password checks at once; retry in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
