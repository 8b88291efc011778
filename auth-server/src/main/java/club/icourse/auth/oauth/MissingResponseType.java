package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An authorization request without {@code response_type} from a known client with a
 * registered redirect URI is answered at that redirect URI with {@code invalid_request}
 * (RFC 6749 4.1.2.1: only a missing or bad client or redirect URI is shown to the person
 * instead), or {@code request_not_supported} when it came as a request object. The
 * framework would show an error page for it. Runs before the framework's validating
 * filter; a request by reference ({@code request_uri}) is left to the framework, whose
 * pushed request holds the response type.
 */
final class MissingResponseType extends OncePerRequestFilter {

	private final RegisteredClientRepository clients;

	MissingResponseType(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !AuthorizationRequestGate.AUTHORIZE.equals(request.getServletPath())
				// a POST without response_type is the consent page's answer (the
				// framework
				// reads it so), never an authorization request
				|| !"GET".equals(request.getMethod()) || request.getParameter("request_uri") != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] responseTypes = request.getParameterValues("response_type");
		boolean missing = responseTypes == null || responseTypes.length == 0
				|| (responseTypes.length == 1 && responseTypes[0].isBlank());
		Optional<String> redirect = missing ? AuthorizationRequestGate.registeredRedirect(request, clients)
				: Optional.empty();
		if (redirect.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String error = request.getParameter("request") != null ? "request_not_supported" : "invalid_request";
		response.sendRedirect(
				ValidatedAuthorizationRequest.errorRedirect(redirect.get(), error, request.getParameter("state")));
	}

}
