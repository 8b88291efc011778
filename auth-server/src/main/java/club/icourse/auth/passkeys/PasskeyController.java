package club.icourse.auth.passkeys;

import club.icourse.auth.system.RecentPassword;
import club.icourse.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Renaming and removing a passkey from the account page (registering one goes through
 * Spring Security's WebAuthn endpoints, from {@code js/passkeys.js}). Removing one, a
 * change of factors, needs the password typed in the last few minutes.
 */
@Controller
class PasskeyController {

	private final Passkeys passkeys;

	private final RecentPassword recentPassword;

	PasskeyController(Passkeys passkeys, RecentPassword recentPassword) {
		this.passkeys = passkeys;
		this.recentPassword = recentPassword;
	}

	@PostMapping("/account/passkeys/{id}/rename")
	String rename(Authentication authentication, @PathVariable String id, @RequestParam(required = false) String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > AccountRelyingParty.NAME_LENGTH) {
			return "redirect:/account?passkeyNameRefused#passkeys";
		}
		if (!passkeys.rename(authentication.getName(), id, trimmed)) {
			throw new UnknownPasskeyException();
		}
		return "redirect:/account?passkeyRenamed#passkeys";
	}

	@PostMapping("/account/passkeys/{id}/remove")
	String remove(Authentication authentication, @PathVariable String id) {
		if (!recentPassword.typed(authentication)) {
			return "redirect:/account?passkeyPasswordFirst#passkeys";
		}
		if (!passkeys.remove(authentication.getName(), id)) {
			throw new UnknownPasskeyException();
		}
		return "redirect:/account?passkeyRemoved#passkeys";
	}

	static final class UnknownPasskeyException extends NotFoundException {

		UnknownPasskeyException() {
			super("No such passkey");
		}

	}

}
