package club.icourse.reviewapp.api;

import club.icourse.shared.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Which scope each part of the API needs, and the answers when a token is missing or
 * invalid (401) or lacks the scope (403 naming it in {@code WWW-Authenticate}, RFC 6750
 * 3.1), both with a problem detail. Reading on the person's behalf
 * ({@code GET /api/me/**}) needs {@code reviews.read}, any other method there
 * {@code reviews.write}; the rest takes any valid token.
 */
@Component
class ApiScopes implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String ON_BEHALF = "/api/me/**";

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ApiProblems problems;

	ApiScopes(ApiProblems problems) {
		this.problems = problems;
	}

	static void require(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry authorize) {
		authorize.requestMatchers(HttpMethod.GET, "/api/me", ON_BEHALF)
			.hasAuthority(authority(Scopes.REVIEWS_READ))
			.requestMatchers("/api/me", ON_BEHALF)
			.hasAuthority(authority(Scopes.REVIEWS_WRITE));
	}

	/** The scope the request needs beyond a valid token, if any. */
	static String scopeFor(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals("/api/me") && !path.startsWith("/api/me/")) {
			return null;
		}
		return HttpMethod.GET.matches(request.getMethod()) ? Scopes.REVIEWS_READ : Scopes.REVIEWS_WRITE;
	}

	private static String authority(String scope) {
		return "SCOPE_" + scope;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authenticationException) throws IOException {
		bearer.commence(request, response, authenticationException);
		problems.write(response, problems.of(ApiProblem.UNAUTHORIZED, request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		String scope = scopeFor(request);
		ProblemDetail problem = problems.of(ApiProblem.INSUFFICIENT_SCOPE, request, scope);
		problem.setProperty("scope", scope);
		// The header's description stays ASCII (RFC 6750 3): the problem's detail is in
		// the caller's language.
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer error=\"insufficient_scope\", error_description=\"The access token lacks the scope " + scope
						+ "\", scope=\"" + scope + "\"");
		problems.write(response, problem);
	}

}
