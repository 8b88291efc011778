package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OpenID Connect's {@code prompt=login} and {@code max_age}, which the framework does not
 * honour: when the site asks for a fresh sign-in, or the last one is older than
 * {@code max_age} seconds, the person is signed out and the same authorization request
 * starts again without those parameters, so the new sign-in satisfies it once, not
 * forever. With {@code prompt=none} no page may be shown, so a sign-in older than
 * {@code max_age} is answered with {@code login_required} at the site's registered
 * redirect URI (OpenID Connect Core 3.1.2.6). A pushed request ({@code request_uri})
 * carries these parameters inside it and cannot be rewritten: there, {@code prompt=login}
 * is satisfied by a sign-in after the request was pushed.
 */
final class ReauthenticationFilter extends OncePerRequestFilter {

	private static final Set<String> FORCING_PARAMETERS = Set.of("prompt", "max_age");

	private final Clock clock;

	private final RegisteredClientRepository clients;

	private final PushedRequests pushed;

	ReauthenticationFilter(Clock clock, RegisteredClientRepository clients, PushedRequests pushed) {
		this.clock = clock;
		this.clients = clients;
		this.pushed = pushed;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))
				&& AuthorizationRequestGate.AUTHORIZE.equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		if (signedIn && request.getParameter("request_uri") != null) {
			if (!pushedRequestSatisfied(request, response, authentication)) {
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		// Nothing is done for a request whose client and redirect URI are not known to be
		// good: an unknown site must not be able to sign a person out.
		Optional<ValidatedAuthorizationRequest> validated = ValidatedAuthorizationRequest.of(request, clients);
		if (signedIn && validated.isPresent() && prompts(request).contains("none") && tooOld(request, authentication)) {
			response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(validated.get().redirectUri(),
					"login_required", validated.get().state()));
			return;
		}
		if (signedIn && validated.isPresent() && mustSignInAgain(request, authentication)) {
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			response.sendRedirect(withoutForcingParameters(request));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean mustSignInAgain(HttpServletRequest request, Authentication authentication) {
		Set<String> prompts = prompts(request);
		if (prompts.contains("none")) {
			// prompt=none must never show a page; the framework answers it.
			return false;
		}
		return prompts.contains("login") || tooOld(request, authentication);
	}

	private static Set<String> prompts(HttpServletRequest request) {
		return prompts(request.getParameter("prompt"));
	}

	private static Set<String> prompts(Object prompt) {
		return Arrays.stream(String.valueOf(prompt).split(" ")).collect(Collectors.toSet());
	}

	/**
	 * Answers a pushed request that needs a newer sign-in (and returns false), or returns
	 * true to let it go on.
	 */
	private boolean pushedRequestSatisfied(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		Optional<PushedRequests.Pushed> found = pushed.find(request.getParameter("request_uri"),
				request.getParameter("client_id"));
		if (found.isEmpty()) {
			return true;
		}
		PushedRequests.Pushed pushedRequest = found.get();
		Set<String> prompts = prompts(pushedRequest.parameters().get("prompt"));
		Instant signedInAt = AuthenticationTime.of(authentication).orElse(Instant.EPOCH);
		Object maxAge = pushedRequest.parameters().get("max_age");
		boolean tooOld = maxAge != null && String.valueOf(maxAge).matches("\\d{1,9}")
				&& signedInAt.plusSeconds(Long.parseLong(String.valueOf(maxAge))).isBefore(clock.instant());
		if (prompts.contains("none")) {
			if (tooOld) {
				response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(pushedRequest.redirectUri(),
						"login_required", pushedRequest.state()));
				return false;
			}
			return true;
		}
		if (tooOld || (prompts.contains("login") && signedInAt.isBefore(pushedRequest.pushedAt()))) {
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			response.sendRedirect(withoutForcingParameters(request));
			return false;
		}
		return true;
	}

	private boolean tooOld(HttpServletRequest request, Authentication authentication) {
		String maxAge = request.getParameter("max_age");
		if (maxAge == null || !maxAge.matches("\\d{1,9}")) {
			return false;
		}
		Instant signedInAt = AuthenticationTime.of(authentication).orElse(Instant.EPOCH);
		return signedInAt.plusSeconds(Long.parseLong(maxAge)).isBefore(clock.instant());
	}

	private static String withoutForcingParameters(HttpServletRequest request) {
		List<String> pairs = request.getParameterMap()
			.entrySet()
			.stream()
			.filter(parameter -> !FORCING_PARAMETERS.contains(parameter.getKey()))
			.flatMap(parameter -> Arrays.stream(parameter.getValue())
				.map(value -> encode(parameter.getKey()) + "=" + encode(value)))
			.toList();
		return request.getRequestURI() + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
