package club.icourse.auth.totp;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.auth.signin.SecondStepAttempts;
import club.icourse.auth.system.RecentPassword;
import club.icourse.auth.system.SecondFactors;
import club.icourse.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account's security page: two-step sign-in with an authenticator app (set up with a
 * secret shown once and confirmed by a first code, recovery codes shown once, removal).
 * Every change asks for the password first, unless it was typed in the last few minutes;
 * a person whose account has a factor must have shown it in this sign-in.
 */
@Controller
class SecurityPageController {

	static final String PATH = "/account/security";

	static final String VIEW = "totp/security";

	private final AccountRepository accounts;

	private final TotpService totp;

	private final SessionFactors sessionFactors;

	private final PasswordEncoder passwordEncoder;

	private final SecondStepAttempts attempts;

	private final RateLimiter rateLimiter;

	private final ClientAddress clientAddress;

	private final RecentPassword recentPassword;

	SecurityPageController(AccountRepository accounts, TotpService totp, SessionFactors sessionFactors,
			PasswordEncoder passwordEncoder, SecondStepAttempts attempts, RateLimiter rateLimiter,
			ClientAddress clientAddress, RecentPassword recentPassword) {
		this.recentPassword = recentPassword;
		this.accounts = accounts;
		this.totp = totp;
		this.sessionFactors = sessionFactors;
		this.passwordEncoder = passwordEncoder;
		this.attempts = attempts;
		this.rateLimiter = rateLimiter;
		this.clientAddress = clientAddress;
	}

	@GetMapping(PATH)
	String show(Authentication authentication, Model model) {
		return guarded(authentication).orElseGet(() -> page(authentication, model));
	}

	/**
	 * The password again, before a change of factors; back to this page, or to the
	 * account page's passkeys when asked from there ({@code then=passkeys}).
	 */
	@PostMapping(PATH + "/password")
	String confirmPassword(Authentication authentication, @RequestParam(required = false) String password,
			@RequestParam(required = false) String then, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<String> guard = guarded(authentication);
		if (guard.isPresent()) {
			return guard.get();
		}
		Account account = account(authentication);
		rateLimiter.consume(RateLimit.SIGN_IN_IP, clientAddress.of(request));
		rateLimiter.consume(RateLimit.SIGN_IN_ACCOUNT, attempts.limitKey(account.id()));
		boolean waiting = attempts.mustWait(account.id()).isPresent();
		if (waiting || !passwordRight(account, password)) {
			if (!waiting) {
				attempts.wrongPassword(request, account.id());
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "security.password.wrong");
			return page(authentication, model);
		}
		sessionFactors.add(FactorGrantedAuthority.PASSWORD_AUTHORITY, authentication, request, response);
		return "passkeys".equals(then) ? "redirect:/account#passkeys" : "redirect:" + PATH;
	}

	@PostMapping(PATH + "/totp")
	String startEnrolment(Authentication authentication, HttpServletResponse response, Model model) {
		Optional<String> refused = changeRefused(authentication);
		if (refused.isPresent()) {
			return refused.get();
		}
		Optional<TotpService.Enrolment> enrolment = totp.startEnrolment(account(authentication));
		if (enrolment.isEmpty()) {
			return "redirect:" + PATH;
		}
		model.addAttribute("enrolment", enrolment.get());
		return page(authentication, model);
	}

	@PostMapping(PATH + "/totp/confirm")
	String confirmEnrolment(Authentication authentication, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> refused = changeRefused(authentication);
		if (refused.isPresent()) {
			return refused.get();
		}
		Account account = account(authentication);
		Optional<List<String>> codes = totp.confirm(account, code);
		if (codes.isEmpty()) {
			Optional<TotpService.Enrolment> pending = totp.pendingEnrolment(account);
			if (pending.isEmpty()) {
				return "redirect:" + PATH;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("enrolment", pending.get());
			model.addAttribute("problem", "security.totp.confirm.wrong");
			return page(authentication, model);
		}
		Authentication upgraded = sessionFactors.add(SecondFactors.TOTP_AUTHORITY, authentication, request, response);
		model.addAttribute("recoveryCodes", codes.get());
		model.addAttribute("continueTo", sessionFactors.savedDestination(request, response).orElse(null));
		return page(upgraded, model);
	}

	@PostMapping(PATH + "/recovery-codes")
	String regenerateRecoveryCodes(Authentication authentication, Model model) {
		Optional<String> refused = changeRefused(authentication);
		if (refused.isPresent()) {
			return refused.get();
		}
		Account account = account(authentication);
		if (!totp.enrolled(account)) {
			return "redirect:" + PATH;
		}
		model.addAttribute("recoveryCodes", totp.regenerateRecoveryCodes(account));
		return page(authentication, model);
	}

	@PostMapping(PATH + "/totp/remove")
	String remove(Authentication authentication) {
		Optional<String> refused = changeRefused(authentication);
		if (refused.isPresent()) {
			return refused.get();
		}
		totp.remove(account(authentication));
		return "redirect:" + PATH + "?removed";
	}

	/**
	 * A sign-in that has not shown the account's factor is sent to show it: the password
	 * alone must not be enough to change or remove the factor.
	 */
	private Optional<String> guarded(Authentication authentication) {
		if (!SecondFactors.shown(authentication) && totp.enrolled(account(authentication))) {
			return Optional.of("redirect:" + SecondFactors.SECOND_STEP_PATH);
		}
		return Optional.empty();
	}

	private Optional<String> changeRefused(Authentication authentication) {
		Optional<String> guard = guarded(authentication);
		if (guard.isPresent()) {
			return guard;
		}
		if (!recentPassword.typed(authentication)) {
			return Optional.of("redirect:" + PATH + "?passwordFirst");
		}
		return Optional.empty();
	}

	private boolean passwordRight(Account account, String password) {
		if (password == null || password.isEmpty()) {
			return false;
		}
		return accounts.findCredentials(account.username())
			.filter(credentials -> credentials.account().id() == account.id())
			.map(AccountRepository.Credentials::passwordHash)
			.filter(hash -> hash != null && passwordEncoder.matches(password, hash))
			.isPresent();
	}

	private String page(Authentication authentication, Model model) {
		Account account = account(authentication);
		boolean enrolled = totp.enrolled(account);
		model.addAttribute("account", account);
		model.addAttribute("enrolled", enrolled);
		model.addAttribute("recoveryCodesLeft", enrolled ? totp.recoveryCodesLeft(account) : 0);
		model.addAttribute("recentPassword", recentPassword.typed(authentication));
		model.addAttribute("minutes", RecentPassword.minutes());
		return VIEW;
	}

	private Account account(Authentication authentication) {
		return accounts.findBySubject(authentication.getName()).orElseThrow();
	}

}
