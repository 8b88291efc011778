package club.icourse.auth.admin;

import club.icourse.auth.account.AccountAdministration;
import club.icourse.auth.account.AccountAdministrationRefusedException;
import club.icourse.auth.account.AccountPageSection;
import club.icourse.auth.account.Actors;
import club.icourse.auth.account.AdministeredAccount;
import club.icourse.auth.account.FactorRemovalRefusedException;
import club.icourse.auth.account.UnknownAccountException;
import club.icourse.auth.account.UnknownFactorException;
import club.icourse.auth.audit.AuditLog;
import club.icourse.shared.Role;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin console's account pages: find accounts, see one (status, roles, factors,
 * sign-in history, authorized sites, recent audit) and act on it. Each action is audited
 * by {@link AccountAdministration}.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountConsoleController {

	private static final int AUDIT_LENGTH = 20;

	private final AccountAdministration administration;

	private final List<AccountPageSection> sections;

	private final AuditLog audit;

	private final Actors actors;

	AccountConsoleController(AccountAdministration administration, List<AccountPageSection> sections, AuditLog audit,
			Actors actors) {
		this.administration = administration;
		this.sections = sections;
		this.audit = audit;
		this.actors = actors;
	}

	@GetMapping
	String search(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("accounts", administration.search(q));
		return "admin/accounts";
	}

	@GetMapping("/{subject}")
	String show(@PathVariable String subject, Model model) {
		AdministeredAccount found = administration.find(subject);
		model.addAttribute("found", found);
		model.addAttribute("grantable",
				Arrays.stream(Role.values())
					.filter(role -> role != Role.USER && !found.account().roles().contains(role))
					.toList());
		sections.forEach(section -> section.addTo(found.account(), model));
		model.addAttribute("factors", administration.factors(subject));
		model.addAttribute("reasonLength", AccountAdministration.REASON_LENGTH);
		model.addAttribute("events", audit.latest(subject, null, AUDIT_LENGTH));
		return "admin/account";
	}

	@PostMapping("/{subject}/disable")
	String disable(@PathVariable String subject, Authentication admin) {
		administration.disable(actors.of(admin), subject);
		return done(subject, "disabled");
	}

	@PostMapping("/{subject}/enable")
	String enable(@PathVariable String subject, Authentication admin) {
		administration.enable(actors.of(admin), subject);
		return done(subject, "enabled");
	}

	@PostMapping("/{subject}/backoff/clear")
	String clearBackoff(@PathVariable String subject, Authentication admin) {
		administration.clearBackoff(actors.of(admin), subject);
		return done(subject, "backoff-cleared");
	}

	@PostMapping("/{subject}/confirmation")
	String resendConfirmation(@PathVariable String subject, Authentication admin) {
		administration.resendConfirmation(actors.of(admin), subject);
		return done(subject, "confirmation-sent");
	}

	@PostMapping("/{subject}/password/clear")
	String requireNewPassword(@PathVariable String subject, Authentication admin) {
		administration.requireNewPassword(actors.of(admin), subject);
		return done(subject, "password-cleared");
	}

	@PostMapping("/{subject}/roles/grant")
	String grant(@PathVariable String subject, @RequestParam String role, Authentication admin) {
		administration.grant(actors.of(admin), subject, AdminRoles.parse(role));
		return done(subject, "role-granted");
	}

	@PostMapping("/{subject}/roles/revoke")
	String revoke(@PathVariable String subject, @RequestParam String role, Authentication admin) {
		administration.revoke(actors.of(admin), subject, AdminRoles.parse(role));
		return done(subject, "role-revoked");
	}

	/** A lost factor, after the checks the page states. */
	@PostMapping("/{subject}/factors/remove")
	String removeFactor(@PathVariable String subject, @RequestParam(required = false) String factor,
			@RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean identityChecked, Authentication admin) {
		administration.removeFactor(actors.of(admin), subject, factor, reason, identityChecked);
		return done(subject, "factor-removed");
	}

	@PostMapping("/{subject}/delete")
	String delete(@PathVariable String subject, Authentication admin, RedirectAttributes redirect) {
		administration.delete(actors.of(admin), subject);
		redirect.addFlashAttribute("deleted", subject);
		return "redirect:/admin/accounts";
	}

	@ExceptionHandler(FactorRemovalRefusedException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String checksMissing(FactorRemovalRefusedException refused, Model model) {
		model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
		model.addAttribute("refusal", refused.messageKey());
		return "error";
	}

	@ExceptionHandler({ UnknownAccountException.class, UnknownFactorException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error";
	}

	@ExceptionHandler(AdminRoles.UnknownRoleException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String unknownRole(Model model) {
		model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
		return "error";
	}

	@ExceptionHandler(AccountAdministrationRefusedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String refused(AccountAdministrationRefusedException refused, Model model) {
		model.addAttribute("status", HttpStatus.CONFLICT.value());
		model.addAttribute("refusal", refused.messageKey());
		return "error";
	}

	private static String done(String subject, String what) {
		return "redirect:/admin/accounts/" + subject + "?" + what;
	}

}
