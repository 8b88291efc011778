package club.icourse.auth.signin;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Writes one line of sign-in history for a request. */
@Component
class SignInRecorder {

	private final SignInAttempts attempts;

	private final AccountRepository accounts;

	private final ClientAddress clientAddress;

	private final Clock clock;

	private final MeterRegistry meters;

	private final SignInNames names;

	SignInRecorder(SignInAttempts attempts, AccountRepository accounts, SignInNames names, ClientAddress clientAddress,
			Clock clock, MeterRegistry meters) {
		this.names = names;
		this.meters = meters;
		this.attempts = attempts;
		this.accounts = accounts;
		this.clientAddress = clientAddress;
		this.clock = clock;
	}

	void success(HttpServletRequest request, String subject, String signInName, SignInOutcome outcome) {
		count(outcome);
		// The account the sign-in name was resolved to earlier in this request, if any.
		Long accountId = names.credentials(signInName)
			.map(credentials -> credentials.account())
			.filter(account -> account.subject().equals(subject))
			.or(() -> accounts.findBySubject(subject))
			.map(Account::id)
			.orElse(null);
		attempts.record(accountId, signInName, clientAddress.of(request), request.getHeader("User-Agent"), outcome,
				clock.instant());
	}

	/**
	 * Sign-ins by outcome, for dashboards and alerts (a spike of failures is someone
	 * guessing passwords).
	 */
	private void count(SignInOutcome outcome) {
		meters.counter("icourse.sign-ins", "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
	}

	/**
	 * A failed passkey sign-in: nothing was typed, the account (if any) is the one the
	 * credential belongs to.
	 */
	void passkeyFailure(HttpServletRequest request, Long accountId, SignInOutcome outcome) {
		count(outcome);
		attempts.record(accountId, null, clientAddress.of(request), request.getHeader("User-Agent"), outcome,
				clock.instant());
	}

	void failure(HttpServletRequest request, String signInName, SignInOutcome outcome) {
		record(request, names.resolve(signInName).accountId(), signInName, outcome);
	}

	/** An attempt on a known account, with no name typed (the second step). */
	void record(HttpServletRequest request, Long accountId, String signInName, SignInOutcome outcome) {
		count(outcome);
		attempts.record(accountId, signInName, clientAddress.of(request), request.getHeader("User-Agent"), outcome,
				clock.instant());
	}

}
