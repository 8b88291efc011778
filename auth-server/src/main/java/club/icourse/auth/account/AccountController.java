package club.icourse.auth.account;

import club.icourse.auth.system.RecentPassword;
import club.icourse.shared.school.School;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in person's own page: who they are here, their password, and leaving; the
 * features that keep more about them (sign-ins, authorized sites) add their own
 * {@link AccountPageSection}.
 */
@Controller
class AccountController {

	static final String VIEW = "account/index";

	private final AccountRepository accounts;

	private final Passwords passwords;

	private final AccountProperties properties;

	private final List<AccountPageSection> sections;

	private final Usernames usernames;

	private final RecentPassword recentPassword;

	AccountController(AccountRepository accounts, Passwords passwords, AccountProperties properties,
			List<AccountPageSection> sections, Usernames usernames, RecentPassword recentPassword) {
		this.recentPassword = recentPassword;
		this.usernames = usernames;
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
		this.sections = sections;
	}

	@GetMapping("/account")
	String show(Authentication authentication, Model model) {
		model.addAttribute("passwordForm", ChangePasswordForm.empty());
		return page(authentication, model);
	}

	@PostMapping("/account/password")
	String changePassword(Authentication authentication, @Valid @ModelAttribute("passwordForm") ChangePasswordForm form,
			BindingResult errors, HttpServletRequest request, Model model) {
		if (!errors.hasErrors()) {
			try {
				passwords.change(authentication.getName(), form.currentPassword(), form.newPassword(),
						request.getSession().getId());
			}
			catch (AccountRefusedException refused) {
				refused.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.messageKey()));
			}
		}
		if (errors.hasErrors()) {
			return page(authentication, model);
		}
		return "redirect:/account?passwordChanged";
	}

	@PostMapping("/account/username")
	String changeUsername(Authentication authentication, @RequestParam(required = false) String username, Model model) {
		try {
			usernames.change(authentication.getName(), username == null ? "" : username);
		}
		catch (AccountRefusedException refused) {
			model.addAttribute("passwordForm", ChangePasswordForm.empty());
			model.addAttribute("usernameProblem", refused.problems().getFirst().messageKey());
			model.addAttribute("requestedUsername", username);
			return page(authentication, model);
		}
		return "redirect:/account?usernameChanged";
	}

	@PostMapping("/account/delete")
	String delete(Authentication authentication, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			passwords.delete(authentication.getName(), password);
		}
		catch (AccountRefusedException refused) {
			model.addAttribute("passwordForm", ChangePasswordForm.empty());
			model.addAttribute("deleteRefused", true);
			return page(authentication, model);
		}
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:/?accountDeleted";
	}

	private String page(Authentication authentication, Model model) {
		Account account = accounts.findBySubject(authentication.getName()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("schoolName",
				properties.schools()
					.stream()
					.filter(school -> school.id().equals(account.school()))
					.map(School::name)
					.findFirst()
					.orElse(account.school()));
		sections.forEach(section -> section.addTo(account, model));
		// Whether factors (passkeys) may be changed without confirming the password.
		model.addAttribute("recentPassword", recentPassword.typed(authentication));
		model.addAttribute("recentPasswordMinutes", RecentPassword.minutes());
		return VIEW;
	}

}
