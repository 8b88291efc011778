package club.icourse.auth.totp;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.passkeys.Passkeys;
import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.auth.signin.SecondStepAttempts;
import club.icourse.auth.system.SecondFactors;
import club.icourse.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: after the password, a code from the person's
 * authenticator app or one of their recovery codes, or one of their passkeys (through
 * Spring Security's WebAuthn endpoints, from {@code js/passkeys.js}: the sign-in keeps
 * its password factor and gains the passkey's). A person asked for a second factor who
 * has none is sent to set one up. A wrong or replayed code counts against the account as
 * a wrong password does.
 */
@Controller
class SecondStepController {

	static final String VIEW = "totp/second-step";

	private final AccountRepository accounts;

	private final TotpService totp;

	private final SessionFactors sessionFactors;

	private final SecondStepAttempts attempts;

	private final RateLimiter rateLimiter;

	private final ClientAddress clientAddress;

	private final Passkeys passkeys;

	SecondStepController(AccountRepository accounts, TotpService totp, SessionFactors sessionFactors,
			SecondStepAttempts attempts, RateLimiter rateLimiter, ClientAddress clientAddress, Passkeys passkeys) {
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.totp = totp;
		this.sessionFactors = sessionFactors;
		this.attempts = attempts;
		this.rateLimiter = rateLimiter;
		this.clientAddress = clientAddress;
	}

	@GetMapping(SecondFactors.SECOND_STEP_PATH)
	String page(Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> elsewhere = elsewhere(authentication);
		if (elsewhere.isPresent()) {
			return elsewhere.get();
		}
		if (SecondFactors.shown(authentication)) {
			return sessionFactors.continueTo(request, response);
		}
		return view(accounts.findBySubject(authentication.getName()).orElseThrow(), model);
	}

	@PostMapping(SecondFactors.SECOND_STEP_PATH)
	String check(Authentication authentication, @RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> elsewhere = elsewhere(authentication);
		if (elsewhere.isPresent()) {
			return elsewhere.get();
		}
		Account account = accounts.findBySubject(authentication.getName()).orElseThrow();
		rateLimiter.consume(RateLimit.SIGN_IN_IP, clientAddress.of(request));
		rateLimiter.consume(RateLimit.SIGN_IN_ACCOUNT, attempts.limitKey(account.id()));
		Optional<Duration> wait = attempts.mustWait(account.id());
		if (wait.isPresent()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("waitSeconds", Math.max(1, wait.get().toSeconds()));
			return view(account, model);
		}
		TotpService.Verdict verdict = totp.verify(account, code);
		if (!verdict.accepted()) {
			attempts.refused(request, account.id());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem",
					verdict == TotpService.Verdict.REPLAYED ? "totp.second-step.replayed" : "totp.second-step.wrong");
			return view(account, model);
		}
		attempts.passed(request, account.id());
		sessionFactors.add(SecondFactors.TOTP_AUTHORITY, authentication, request, response);
		return sessionFactors.continueTo(request, response);
	}

	/** The ways this account can show its second factor. */
	private String view(Account account, Model model) {
		model.addAttribute("totpEnrolled", totp.enrolled(account));
		model.addAttribute("hasPasskeys", !passkeys.of(account.subject()).isEmpty());
		return VIEW;
	}

	/**
	 * Where a person who has nothing to do here goes: without a password sign-in, to the
	 * sign-in page; without a factor (an app or a passkey), to set one up.
	 */
	private Optional<String> elsewhere(Authentication authentication) {
		if (!SessionFactors.firstFactorShown(authentication)) {
			return Optional.of("redirect:/login");
		}
		if (SecondFactors.shown(authentication)) {
			return Optional.empty();
		}
		Account account = accounts.findBySubject(authentication.getName()).orElseThrow();
		if (!totp.enrolled(account) && passkeys.of(account.subject()).isEmpty()) {
			return Optional.of("redirect:" + SecurityPageController.PATH + "?required");
		}
		return Optional.empty();
	}

}
