package club.icourse.auth.registration;

import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.Actor;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The developer portal's page for a person's own initial access tokens: issue one for
 * software that registers the person's apps itself (the value is shown once), see them
 * with their state, revoke one. Apps registered with them belong to the person and wait
 * for an administrator's approval, as the portal's apps do: the exceptions an
 * administrator may grant (approval at once, no PKCE) are not offered here. Someone
 * else's token is a 404.
 */
@Controller
class OwnTokensController {

	static final String PATH = "/developers/registration-tokens";

	private final InitialAccessTokens tokens;

	private final Actors actors;

	private final Clock clock;

	OwnTokensController(InitialAccessTokens tokens, Actors actors, Clock clock) {
		this.tokens = tokens;
		this.actors = actors;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(Principal principal, Model model) {
		Actor owner = actors.person(principal.getName());
		List<TokenRow> rows = tokens.ownedBy(owner.id())
			.stream()
			.map(token -> new TokenRow(token, owner.name(), token.usableAt(clock.instant())))
			.toList();
		model.addAttribute("rows", rows);
		return "registration/own-tokens";
	}

	@PostMapping(PATH)
	String issue(@RequestParam(defaultValue = "7") int validForDays, @RequestParam(required = false) Integer maxUses,
			@RequestParam(required = false) String note, Principal principal, RedirectAttributes redirect) {
		Actor owner = actors.person(principal.getName());
		try {
			IssuedToken issued = tokens.issue(
					InitialAccessTokens.Request.forOwner(owner.id(), Duration.ofDays(validForDays), maxUses, note),
					owner);
			// the value only: flash attributes live in the (serialised) session
			redirect.addFlashAttribute("issued", issued.value());
		}
		catch (InitialTokenRefusedException refused) {
			redirect.addFlashAttribute("problem", refused.problems().getFirst().messageKey());
		}
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/{id}/revoke")
	String revoke(@PathVariable long id, Principal principal) {
		Actor owner = actors.person(principal.getName());
		InitialAccessToken token = tokens.find(id)
			.filter(found -> found.ownerSubject().equals(owner.id()))
			.orElseThrow(() -> new UnknownInitialTokenException(id));
		tokens.revoke(token.id(), owner);
		return "redirect:" + PATH + "?revoked";
	}

}
