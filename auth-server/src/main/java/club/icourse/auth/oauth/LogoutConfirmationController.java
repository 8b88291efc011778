package club.icourse.auth.oauth;

import java.net.URI;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sign out of iCourse ID?": asked when a site's logout request cannot be carried out at
 * once ({@link LogoutFallback}). The answer is a CSRF-protected POST to the sign-out of
 * the pages ({@link PostLogoutRedirect} then sends the person on). Someone who is not
 * signed in has nothing to confirm.
 */
@Controller
class LogoutConfirmationController {

	static final String PATH = "/logout";

	static final String VIEW = "oauth/logout";

	private final PostLogoutTargets targets;

	LogoutConfirmationController(PostLogoutTargets targets) {
		this.targets = targets;
	}

	@GetMapping(PATH)
	String confirm(Authentication person, Model model,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "post_logout_redirect_uri", required = false) String postLogoutRedirectUri,
			@RequestParam(name = "state", required = false) String state) {
		Optional<URI> target = targets.target(clientId, postLogoutRedirectUri, state);
		if (person == null || person instanceof AnonymousAuthenticationToken || !person.isAuthenticated()) {
			return "redirect:" + target.map(URI::toString).orElse(PostLogoutRedirect.SIGNED_OUT);
		}
		model.addAttribute("clientName", targets.clientName(clientId).orElse(null));
		model.addAttribute("clientId", target.isPresent() ? clientId : null);
		model.addAttribute("postLogoutRedirectUri", target.isPresent() ? postLogoutRedirectUri : null);
		model.addAttribute("state", target.isPresent() ? state : null);
		return VIEW;
	}

}
