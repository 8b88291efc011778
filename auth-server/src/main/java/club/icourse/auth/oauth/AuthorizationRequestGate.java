package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the authorization requests that must never reach the sign-in page, once their
 * client and redirect URI are known to be good (an unknown client or redirect URI gets
 * the framework's error page, never a redirect):
 * <ul>
 * <li>{@code prompt=none} from a person who is not signed in: {@code login_required} at
 * the site (OpenID Connect Core 3.1.2.6); the framework would only say so after the
 * sign-in page.</li>
 * <li>a request object ({@code request}): {@code request_not_supported} (Core 6.1,
 * discovery says {@code request_parameter_supported: false}); at the pushed authorization
 * request endpoint a 400 with the same error.</li>
 * <li>a {@code request_uri} that is not one of this server's pushed requests:
 * {@code request_uri_not_supported} (Core 6.2; RFC 9126 request URIs work).</li>
 * </ul>
 * And a POST authorization request (Core 3.1.2.1) from a person who is not signed in is
 * sent on as the same request by GET, so that it survives the sign-in.
 */
final class AuthorizationRequestGate extends OncePerRequestFilter {

	static final String AUTHORIZE = "/oauth2/authorize";

	static final String PUSHED = "/oauth2/par";

	private final RegisteredClientRepository clients;

	private final PushedRequests pushed;

	AuthorizationRequestGate(RegisteredClientRepository clients, PushedRequests pushed) {
		this.clients = clients;
		this.pushed = pushed;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		boolean authorize = AUTHORIZE.equals(path)
				&& ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()));
		boolean push = PUSHED.equals(path) && "POST".equals(request.getMethod());
		return !(authorize || push);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (PUSHED.equals(request.getServletPath())) {
			if (request.getParameter("request") != null) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter()
					.write("{\"error\":\"request_not_supported\",\"error_description\":\"Request objects are not supported; send the parameters themselves.\"}");
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		boolean signedIn = ValidatedAuthorizationRequest
			.signedIn(SecurityContextHolder.getContext().getAuthentication());
		String requestUri = request.getParameter("request_uri");
		if (requestUri != null) {
			if (!answeredPushedRequest(request, response, requestUri, signedIn)) {
				chain.doFilter(request, response);
			}
			return;
		}
		Optional<ValidatedAuthorizationRequest> validated = ValidatedAuthorizationRequest.of(request, clients);
		if (validated.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ValidatedAuthorizationRequest authorization = validated.get();
		if (request.getParameter("request") != null) {
			response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(authorization.redirectUri(),
					"request_not_supported", authorization.state()));
			return;
		}
		if (!signedIn && authorization.prompts().contains("none")) {
			response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(authorization.redirectUri(),
					"login_required", authorization.state()));
			return;
		}
		if (!signedIn && "POST".equals(request.getMethod())) {
			// The request the sign-in page remembers and resumes is a GET one (Spring
			// Security keeps no POST): the same request again, by GET.
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader("Location", asGet(request));
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether a request carrying a request_uri has been answered here. */
	private boolean answeredPushedRequest(HttpServletRequest request, HttpServletResponse response, String requestUri,
			boolean signedIn) throws IOException {
		if (!PushedRequests.looksPushed(requestUri)) {
			Optional<String> redirect = registeredRedirect(request, clients);
			if (redirect.isEmpty()) {
				response.sendError(HttpStatus.BAD_REQUEST.value());
			}
			else {
				response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(redirect.get(),
						"request_uri_not_supported", request.getParameter("state")));
			}
			return true;
		}
		if (signedIn) {
			return false;
		}
		Optional<PushedRequests.Pushed> found = pushed.find(requestUri, request.getParameter("client_id"));
		if (found.isPresent()
				&& ValidatedAuthorizationRequest.prompts(found.get().parameters().get("prompt")).contains("none")) {
			response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(found.get().redirectUri(),
					"login_required", found.get().state()));
			return true;
		}
		return false;
	}

	private static String asGet(HttpServletRequest request) {
		StringJoiner query = new StringJoiner("&");
		request.getParameterMap()
			.forEach((name, values) -> Arrays.stream(values)
				.forEach(value -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return request.getRequestURI() + "?" + query;
	}

	/**
	 * The redirect URI a request names, if its client registered it (or the client's only
	 * one, when it names none).
	 */
	static Optional<String> registeredRedirect(HttpServletRequest request, RegisteredClientRepository clients) {
		String clientId = request.getParameter("client_id");
		RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
		if (client == null) {
			return Optional.empty();
		}
		String redirect = request.getParameter("redirect_uri");
		if (redirect == null) {
			return client.getRedirectUris().size() == 1 ? Optional.of(client.getRedirectUris().iterator().next())
					: Optional.empty();
		}
		return client.getRedirectUris().contains(redirect) ? Optional.of(redirect) : Optional.empty();
	}

}
