package club.icourse.auth.oauth;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent page a third-party site sends people to: who asks, where the answer goes,
 * and what it would learn, in plain words; for an app a person registered, also its logo,
 * owner and policy links, and "unverified" until an administrator approved it. Allowing
 * posts the scopes back to the authorization endpoint; denying posts none, which refuses.
 */
@Controller
class ConsentController {

	static final String PATH = "/oauth2/consent";
	static final String VIEW = "oauth/consent";

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final ClientPresentation presentation;

	ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
			ClientPresentation presentation) {
		this.clients = clients;
		this.presentation = presentation;
		this.consents = consents;
	}

	@GetMapping(PATH)
	String consent(Principal principal, Model model, @RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
			@RequestParam(OAuth2ParameterNames.SCOPE) String scope,
			@RequestParam(OAuth2ParameterNames.STATE) String state) {
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown client");
		}
		OAuth2AuthorizationConsent earlier = consents.findById(client.getId(), principal.getName());
		Set<String> alreadyGranted = earlier == null ? Set.of() : earlier.getScopes();
		Set<String> toApprove = new LinkedHashSet<>();
		Set<String> granted = new LinkedHashSet<>();
		for (String requested : new TreeSet<>(Arrays.asList(scope.split(" ")))) {
			if (requested.isBlank() || OidcScopes.OPENID.equals(requested) || !client.getScopes().contains(requested)) {
				continue;
			}
			(alreadyGranted.contains(requested) ? granted : toApprove).add(requested);
		}
		model.addAttribute("clientId", clientId);
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("app", presentation.of(clientId).orElse(null));
		model.addAttribute("redirectHosts",
				client.getRedirectUris().stream().map(uri -> URI.create(uri).getHost()).distinct().toList());
		model.addAttribute("state", state);
		model.addAttribute("scopesToApprove", List.copyOf(toApprove));
		model.addAttribute("scopesGranted", List.copyOf(granted));
		return VIEW;
	}

}
