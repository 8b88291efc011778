package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * DPoP (RFC 9449) is not offered, and discovery does not advertise it; the framework
 * would otherwise bind tokens to a proof key for any client that sends one. A token or
 * pushed authorization request carrying a DPoP proof, or a {@code dpop_jkt}, is refused
 * with a 400 rather than silently given a token of another kind than the client asked
 * for.
 */
final class DpopRefusal extends OncePerRequestFilter {

	private static final Set<String> ENDPOINTS = Set.of("/oauth2/token", AuthorizationRequestGate.PUSHED);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ENDPOINTS.contains(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getHeader("DPoP") == null && request.getParameter("dpop_jkt") == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"error\":\"invalid_request\",\"error_description\":\"DPoP is not supported; use bearer tokens.\"}");
	}

}
