package club.icourse.auth.passwords;

/**
 * Every permit to hash a password is taken and the queue is full, or the wait was too
 * long: the request is answered 503 with Retry-After ({@link BusyHashingResponses}).
 */
public class PasswordHashingBusyException extends RuntimeException {

	private final long retryAfterSeconds;

	PasswordHashingBusyException(long retryAfterSeconds) {
		super("Too many password checks at once; retry in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
