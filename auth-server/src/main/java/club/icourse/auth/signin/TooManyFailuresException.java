package club.icourse.auth.signin;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many recent failures with this sign-in name; the password was not even checked. */
class TooManyFailuresException extends AuthenticationException {

	private final Duration retryAfter;

	TooManyFailuresException(Duration retryAfter) {
		super("Too many failed sign-ins; retry after " + retryAfter);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}

}
