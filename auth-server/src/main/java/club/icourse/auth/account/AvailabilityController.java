package club.icourse.auth.account;

import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.shared.account.UsernameCheck;
import club.icourse.shared.account.UsernamePolicy;
import club.icourse.shared.school.SchoolDirectory;
import club.icourse.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registration form's live checks. A username can be checked for being free
 * (usernames are public anyway); an address only for being a university address: whether
 * it has an account is never told.
 */
@RestController
class AvailabilityController {

	/**
	 * The answer for one field: whether it can be used, why not (in the person's
	 * language), and completions.
	 */
	record Availability(boolean ok, String message, List<String> suggestions) {
	}

	private static final int MAX_INPUT = 320;

	private final AccountRepository accounts;

	private final SchoolDirectory schools;

	private final UsernamePolicy usernames;

	private final RateLimiter rateLimiter;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	AvailabilityController(AccountRepository accounts, AccountProperties properties, RateLimiter rateLimiter,
			ClientAddress clientAddress, MessageSource messages) {
		this.accounts = accounts;
		this.schools = properties.schoolDirectory();
		this.usernames = properties.usernamePolicy();
		this.rateLimiter = rateLimiter;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	@GetMapping("/register/check/username")
	Availability username(@RequestParam(defaultValue = "") String value, HttpServletRequest request, Locale locale) {
		rateLimiter.consume(RateLimit.AVAILABILITY_IP, clientAddress.of(request));
		UsernameCheck check = usernames.check(truncated(value));
		if (!check.ok()) {
			return refusal(Registration.usernameMessageKey(check), locale);
		}
		if (accounts.usernameKeyTaken(UsernamePolicy.canonicalKey(check.username()))) {
			return refusal("username.taken", locale);
		}
		return new Availability(true, "", List.of());
	}

	@GetMapping("/register/check/email")
	Availability email(@RequestParam(defaultValue = "") String value, HttpServletRequest request, Locale locale) {
		rateLimiter.consume(RateLimit.AVAILABILITY_IP, clientAddress.of(request));
		String input = truncated(value).strip();
		if (!input.contains("@")) {
			List<String> completions = schools.completions(input);
			return new Availability(false, completions.isEmpty() ? message("register.email.not-university", locale)
					: message("register.email.complete", locale), completions);
		}
		return schools.classify(input)
			.map(email -> new Availability(true,
					message("register.email.affiliation." + email.affiliation().claimValue(), locale,
							email.school().name()),
					List.of()))
			.orElseGet(() -> refusal("register.email.not-university", locale));
	}

	private Availability refusal(String key, Locale locale) {
		return new Availability(false, message(key, locale), List.of());
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private static String truncated(String value) {
		return value.length() > MAX_INPUT ? value.substring(0, MAX_INPUT) : value;
	}

}
