package club.icourse.auth.account;

import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind mailed links, and the forms that ask for one. Opening a link only
 * shows a page with a button: mail scanners that fetch links must not use up single-use
 * tokens.
 */
@Controller
class MailboxLinkController {

	private final MailboxLinks links;

	private final Passwords passwords;

	private final MailboxSignIn sessionSignIn;

	private final RateLimiter rateLimiter;

	private final ClientAddress clientAddress;

	private final InterruptedJourney journey;

	MailboxLinkController(MailboxLinks links, Passwords passwords, MailboxSignIn sessionSignIn, RateLimiter rateLimiter,
			ClientAddress clientAddress, InterruptedJourney journey) {
		this.journey = journey;
		this.links = links;
		this.passwords = passwords;
		this.sessionSignIn = sessionSignIn;
		this.rateLimiter = rateLimiter;
		this.clientAddress = clientAddress;
	}

	@GetMapping("/confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		AccountTokens.State state = links.check(AccountTokens.Purpose.CONFIRM_EMAIL, token);
		if (state != AccountTokens.State.VALID) {
			return refused(model, state, response);
		}
		model.addAttribute("token", token);
		return "account/confirm";
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam(required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		MailboxLinks.Result<Account> confirmed = links.confirm(token);
		if (confirmed.value().isEmpty()) {
			return refused(model, confirmed.refusal(), response);
		}
		sessionSignIn.signIn(confirmed.value().get(), request, response);
		return "redirect:" + journey.continueOr(request, response, "/account?confirmed");
	}

	@GetMapping("/confirm/resend")
	String resendForm(Model model) {
		return emailForm(model, new EmailForm(""), "resend");
	}

	@PostMapping("/confirm/resend")
	String resend(@Valid @ModelAttribute("form") EmailForm form, BindingResult errors, HttpServletRequest request,
			Model model) {
		return mailLink(form, errors, request, model, "resend", links::resendConfirmation);
	}

	@GetMapping("/password/forgot")
	String forgotForm(Model model) {
		return emailForm(model, new EmailForm(""), "forgot");
	}

	@PostMapping("/password/forgot")
	String forgot(@Valid @ModelAttribute("form") EmailForm form, BindingResult errors, HttpServletRequest request,
			Model model) {
		return mailLink(form, errors, request, model, "forgot", links::sendPasswordReset);
	}

	@GetMapping("/password/reset")
	String resetPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		AccountTokens.State state = links.check(AccountTokens.Purpose.RESET_PASSWORD, token);
		if (state != AccountTokens.State.VALID) {
			return refused(model, state, response);
		}
		model.addAttribute("form", new NewPasswordForm(token, ""));
		return "account/reset";
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		AccountTokens.State state;
		if (errors.hasErrors()) {
			state = links.check(AccountTokens.Purpose.RESET_PASSWORD, form.token());
		}
		else {
			try {
				state = passwords.reset(form.token(), form.newPassword());
			}
			catch (AccountRefusedException refused) {
				// the link is good, the password is not: the form again
				refused.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.messageKey()));
				return "account/reset";
			}
		}
		if (state != AccountTokens.State.VALID) {
			return refused(model, state, response);
		}
		if (errors.hasErrors()) {
			return "account/reset";
		}
		return "redirect:/login?passwordReset";
	}

	/** Mails a link if the address calls for one, and answers the same either way. */
	private String mailLink(EmailForm form, BindingResult errors, HttpServletRequest request, Model model,
			String purpose, Consumer<String> send) {
		if (errors.hasErrors()) {
			return emailForm(model, form, purpose);
		}
		rateLimiter.consume(RateLimit.MAIL_IP, clientAddress.of(request));
		rateLimiter.consume(RateLimit.MAIL_ADDRESS, form.email().strip().toLowerCase(Locale.ROOT));
		send.accept(form.email());
		model.addAttribute("email", form.email().strip());
		return Notices.show(model, purpose + ".sent.title", purpose + ".sent.text");
	}

	private static String emailForm(Model model, EmailForm form, String purpose) {
		model.addAttribute("form", form);
		model.addAttribute("purpose", purpose);
		return "account/email-form";
	}

	/**
	 * A link that is unknown (or tampered with) is a bad request; one used up or expired
	 * is gone.
	 */
	private static String refused(Model model, AccountTokens.State state, HttpServletResponse response) {
		response.setStatus(state == AccountTokens.State.UNKNOWN ? HttpServletResponse.SC_BAD_REQUEST
				: HttpServletResponse.SC_GONE);
		String reason = state.name().toLowerCase(Locale.ROOT);
		return Notices.show(model, "link." + reason + ".title", "link." + reason + ".text");
	}

}
