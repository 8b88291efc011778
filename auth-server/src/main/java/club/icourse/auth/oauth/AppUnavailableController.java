package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The page a person sees instead of signing in to an app they may not use yet
 * ({@link UnapprovedAppGate}): which app, and why. Nobody is sent back to the app.
 */
@Controller
class AppUnavailableController {

	static final String PATH = "/oauth2/app-unavailable";

	static final String CLIENT_ID = AppUnavailableController.class.getName() + ".clientId";

	private final RegisteredClientRepository clients;

	AppUnavailableController(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@RequestMapping(PATH)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String unavailable(HttpServletRequest request, Model model) {
		RegisteredClient client = request.getAttribute(CLIENT_ID) instanceof String clientId
				? clients.findByClientId(clientId) : null;
		model.addAttribute("clientName", client == null ? null : client.getClientName());
		return "oauth/app-unavailable";
	}

}
