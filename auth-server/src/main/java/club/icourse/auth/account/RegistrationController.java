package club.icourse.auth.account;

import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RegistrationController {

	static final String FORM_VIEW = "account/register";

	private final Registration registration;

	private final RateLimiter rateLimiter;

	private final ClientAddress clientAddress;

	RegistrationController(Registration registration, RateLimiter rateLimiter, ClientAddress clientAddress) {
		this.registration = registration;
		this.rateLimiter = rateLimiter;
		this.clientAddress = clientAddress;
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return FORM_VIEW;
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		rateLimiter.consume(RateLimit.REGISTRATION_IP, clientAddress.of(request));
		if (!errors.hasErrors()) {
			try {
				registration.register(form, locale);
			}
			catch (AccountRefusedException refused) {
				refused.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.messageKey()));
			}
		}
		if (errors.hasErrors()) {
			return FORM_VIEW;
		}
		redirect.addFlashAttribute("email", form.email().strip());
		return "redirect:/register/sent";
	}

	@GetMapping("/register/sent")
	String sent(Model model) {
		return Notices.show(model, "register.sent.title", "register.sent.text");
	}

}
