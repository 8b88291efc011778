package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A site that asks for a claim with the {@code claims} parameter asks for the scope that
 * releases it: the scope is added to the request (when the client may ask for it at all)
 * before the framework reads it, so that the consent page names it and the person decides
 * about the claim as about any other. Applies to authorization requests and to pushed
 * ones; a pushed request keeps the added scope, and so does a request that waits for a
 * sign-in.
 */
final class ClaimsRequestScopes extends OncePerRequestFilter {

	private final RegisteredClientRepository clients;

	ClaimsRequestScopes(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return request.getParameter(ClaimsRequest.PARAMETER) == null || request.getParameter("scope") == null
				|| !(AuthorizationRequestGate.AUTHORIZE.equals(path) || AuthorizationRequestGate.PUSHED.equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RegisteredClient client = clientId(request).map(clients::findByClientId).orElse(null);
		String[] scopeValues = request.getParameterValues("scope");
		if (client == null || scopeValues.length != 1) {
			chain.doFilter(request, response);
			return;
		}
		Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scopeValues[0].split(" ")));
		ClaimsRequest.parse(request.getParameter(ClaimsRequest.PARAMETER))
			.all()
			.stream()
			.map(StandardScopeClaims::scopeOf)
			.flatMap(Optional::stream)
			.filter(client.getScopes()::contains)
			.forEach(scopes::add);
		String widened = String.join(" ", scopes);
		chain.doFilter(widened.equals(scopeValues[0]) ? request : new WithScope(request, widened), response);
	}

	/**
	 * The client named in the request, or in its Basic authentication (RFC 6749 2.3.1).
	 */
	static Optional<String> clientId(HttpServletRequest request) {
		if (request.getParameter("client_id") != null) {
			return Optional.of(request.getParameter("client_id"));
		}
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? Optional.empty()
					: Optional.of(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

}
