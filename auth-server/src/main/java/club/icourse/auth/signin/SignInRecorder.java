package club.icourse.auth.signin;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.ratelimit.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Writes one line of sign-in history for a request. */
@Component
class SignInRecorder {

    private final SignInAttempts attempts;
    private final AccountRepository accounts;
    private final ClientAddress clientAddress;
    private final Clock clock;

    SignInRecorder(SignInAttempts attempts, AccountRepository accounts, ClientAddress clientAddress, Clock clock) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    void success(HttpServletRequest request, String subject, String signInName, SignInOutcome outcome) {
        Long accountId = accounts.findBySubject(subject).map(Account::id).orElse(null);
        attempts.record(accountId, signInName, clientAddress.of(request), request.getHeader("User-Agent"), outcome, clock.instant());
    }

    void failure(HttpServletRequest request, String signInName, SignInOutcome outcome) {
        Long accountId = signInName == null ? null
                : accounts.findCredentials(signInName).map(credentials -> credentials.account().id()).orElse(null);
        attempts.record(accountId, signInName, clientAddress.of(request), request.getHeader("User-Agent"), outcome, clock.instant());
    }
}
