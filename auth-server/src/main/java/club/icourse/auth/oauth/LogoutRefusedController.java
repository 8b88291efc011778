package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A site's logout request refused ({@link LogoutFallback}): the page says why, that the
 * person is still signed in here, and lets them sign out anyway. Nobody is sent back to
 * the site.
 */
@Controller
class LogoutRefusedController {

	static final String PATH = "/logout/refused";

	static final String REASON = LogoutRefusedController.class.getName() + ".reason";

	enum Reason {

		/** The id_token_hint was not signed by this server (or names another client). */
		HINT_NOT_OURS("logout.refused.hint"),

		/** The post_logout_redirect_uri is not registered for the client. */
		ADDRESS_NOT_REGISTERED("logout.refused.address"),

		/** Reached without a refused request. */
		UNKNOWN("logout.refused.unknown");

		final String message;

		Reason(String message) {
			this.message = message;
		}

	}

	@RequestMapping(PATH)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String refused(HttpServletRequest request, Model model) {
		Object reason = request.getAttribute(REASON);
		model.addAttribute("reason", reason instanceof Reason known ? known.message : Reason.UNKNOWN.message);
		return "oauth/logout-refused";
	}

}
