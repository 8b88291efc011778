package club.icourse.web.retry;

/**
 * A refusal for want of capacity that passes (every password-hashing turn taken, say):
 * the request is answered 503 with this Retry-After by {@link ServiceUnavailableAnswer}.
 */
public interface RetryLater {

	long retryAfterSeconds();

}
