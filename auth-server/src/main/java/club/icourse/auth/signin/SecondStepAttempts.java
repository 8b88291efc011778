package club.icourse.auth.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The second step of signing in (and the password asked again before a change of
 * factors), counted with the first: a wrong code is a failure of the account, with the
 * same growing waits as a wrong password, and a right one is the success that ends them.
 */
@Component
public class SecondStepAttempts {

	private final SignInBackoff backoff;

	private final SignInRecorder recorder;

	SecondStepAttempts(SignInBackoff backoff, SignInRecorder recorder) {
		this.backoff = backoff;
		this.recorder = recorder;
	}

	/** How long the account must still wait before its next attempt, if at all. */
	public Optional<Duration> mustWait(long accountId) {
		return backoff.waitFor(subject(accountId));
	}

	/**
	 * The key of the account's sign-in rate-limit bucket, shared with the password step.
	 */
	public String limitKey(long accountId) {
		return subject(accountId).limitKey();
	}

	public void refused(HttpServletRequest request, long accountId) {
		recorder.record(request, accountId, null, SignInOutcome.BAD_CODE);
	}

	/** A wrong password when confirming it before a change of factors. */
	public void wrongPassword(HttpServletRequest request, long accountId) {
		recorder.record(request, accountId, null, SignInOutcome.BAD_CREDENTIALS);
	}

	public void passed(HttpServletRequest request, long accountId) {
		recorder.record(request, accountId, null, SignInOutcome.SUCCESS);
	}

	private static SignInSubject subject(long accountId) {
		return new SignInSubject(accountId, "");
	}

}
