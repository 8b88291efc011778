package club.icourse.auth.admin;

import club.icourse.auth.account.AccountAdministration;
import club.icourse.auth.account.Actors;
import club.icourse.auth.account.AdministeredAccount;
import club.icourse.auth.registration.InitialAccessTokens;
import club.icourse.auth.registration.InitialTokenRefusedException;
import club.icourse.auth.registration.IssuedToken;
import club.icourse.auth.registration.TokenRow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Initial access tokens for dynamic client registration in the console: issue one for an
 * owner account (the value is shown once), see every token with its state and flags, and
 * revoke one. Each change is in the audit log.
 */
@Controller
class RegistrationTokenConsoleController {

	static final String PATH = "/admin/registration-tokens";

	private final InitialAccessTokens tokens;

	private final AccountAdministration accounts;

	private final Actors actors;

	private final Clock clock;

	RegistrationTokenConsoleController(InitialAccessTokens tokens, AccountAdministration accounts, Actors actors,
			Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.actors = actors;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(Model model) {
		List<TokenRow> rows = tokens.all()
			.stream()
			.map(token -> new TokenRow(token, actors.person(token.ownerSubject()).name(),
					token.usableAt(clock.instant())))
			.toList();
		model.addAttribute("rows", rows);
		return "admin/registration-tokens";
	}

	@PostMapping(PATH)
	String issue(@RequestParam String owner, @RequestParam(defaultValue = "24") int validForHours,
			@RequestParam(required = false) Integer maxUses,
			@RequestParam(defaultValue = "false") boolean approveAtOnce,
			@RequestParam(defaultValue = "false") boolean withoutPkce, @RequestParam(required = false) String note,
			Authentication admin, RedirectAttributes redirect) {
		List<AdministeredAccount> found = owner.isBlank() ? List.of() : accounts.search(owner.strip());
		if (found.size() != 1) {
			redirect.addFlashAttribute("problem", "registration-tokens.owner-unknown");
			return "redirect:" + PATH;
		}
		try {
			IssuedToken issued = tokens.issue(
					new InitialAccessTokens.Request(found.getFirst().account().subject(),
							Duration.ofHours(validForHours), maxUses, approveAtOnce, withoutPkce, note),
					actors.of(admin));
			// the value only: flash attributes live in the (serialised) session
			redirect.addFlashAttribute("issued", issued.value());
		}
		catch (InitialTokenRefusedException refused) {
			redirect.addFlashAttribute("problem", refused.problems().getFirst().messageKey());
		}
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/{id}/revoke")
	String revoke(@PathVariable long id, Authentication admin) {
		tokens.revoke(id, actors.of(admin));
		return "redirect:" + PATH;
	}

}
