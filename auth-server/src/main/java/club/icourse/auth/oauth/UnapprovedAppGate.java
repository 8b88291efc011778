package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in person whom {@link ClientUseRule} does not let use the client (an app not
 * approved yet, and they are neither its owner nor a tester) gets a page saying so
 * ({@link AppUnavailableController}, 403), and no code: neither the request nor the
 * consent answer (both go to the authorization endpoint) reaches the framework. With
 * {@code prompt=none} no page may be shown, so the site gets {@code access_denied}.
 */
final class UnapprovedAppGate extends OncePerRequestFilter {

	private final ClientUseRule rule;

	private final RegisteredClientRepository clients;

	UnapprovedAppGate(ClientUseRule rule, RegisteredClientRepository clients) {
		this.rule = rule;
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !AuthorizationRequestGate.AUTHORIZE.equals(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		String clientId = request.getParameter("client_id");
		if (clientId == null || !ValidatedAuthorizationRequest.signedIn(person) || firstPartyOrUnknown(clientId)
				|| rule.mayUse(clientId, person.getName())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ValidatedAuthorizationRequest> validated = ValidatedAuthorizationRequest.of(request, clients);
		if (validated.isPresent() && validated.get().prompts().contains("none")) {
			response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(validated.get().redirectUri(),
					"access_denied", validated.get().state()));
			return;
		}
		request.setAttribute(AppUnavailableController.CLIENT_ID, clientId);
		request.getRequestDispatcher(AppUnavailableController.PATH).forward(request, response);
	}

	/**
	 * Part of this product, or for the framework to refuse: nothing to ask (the client is
	 * cached, the rule would cost a query).
	 */
	private boolean firstPartyOrUnknown(String clientId) {
		RegisteredClient client = clients.findByClientId(clientId);
		return client == null || Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientOptions.FIRST_PARTY));
	}

}
