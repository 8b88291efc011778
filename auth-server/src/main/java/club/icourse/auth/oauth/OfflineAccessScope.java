package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code offline_access} (OpenID Connect Core 11) asks for a refresh token. Here every
 * client that signs people in is registered for the refresh grant and gets one with the
 * code, after the person's consent (third-party sites) as for any grant: the scope is
 * granted by being there already, so it is taken out of an authorization request (and a
 * pushed one) of such a client before the framework reads it, instead of being refused as
 * {@code invalid_scope}. The tokens do not carry it. A client without the refresh grant
 * keeps it in its request and is refused as before.
 */
final class OfflineAccessScope extends OncePerRequestFilter {

	static final String OFFLINE_ACCESS = "offline_access";

	private static final String TOKEN = "/oauth2/token";

	private final RegisteredClientRepository clients;

	OfflineAccessScope(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		String[] scope = request.getParameterValues("scope");
		return scope == null || scope.length != 1 || !Arrays.asList(scope[0].split(" ")).contains(OFFLINE_ACCESS)
				|| !(AuthorizationRequestGate.AUTHORIZE.equals(path) || AuthorizationRequestGate.PUSHED.equals(path)
						|| refresh(request));
	}

	private static boolean refreshes(Optional<RegisteredClient> client) {
		return client.map(c -> c.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN))
			.orElse(false);
	}

	/**
	 * A refresh (RFC 6749 6) naming the scopes it asked for, offline_access among them:
	 * it was never granted, and the refresh token itself shows the client may refresh.
	 */
	private static boolean refresh(HttpServletRequest request) {
		return TOKEN.equals(request.getServletPath()) && "POST".equals(request.getMethod())
				&& AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter("grant_type"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!refresh(request) && !refreshes(ClaimsRequestScopes.clientId(request).map(clients::findByClientId))) {
			chain.doFilter(request, response);
			return;
		}
		String without = Arrays.stream(request.getParameter("scope").split(" "))
			.filter(scope -> !scope.isEmpty() && !scope.equals(OFFLINE_ACCESS))
			.collect(Collectors.joining(" "));
		chain.doFilter(new WithScope(request, without), response);
	}

}
