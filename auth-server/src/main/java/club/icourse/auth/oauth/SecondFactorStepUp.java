package club.icourse.auth.oauth;

import club.icourse.auth.system.SecondFactors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No code before the second factor, when one is due: for a sign-in whose account must
 * show one (it has one, or its role asks for one), and for a request whose
 * {@code acr_values}, or essential {@code acr} claim, accept only
 * {@link AuthenticationMethods#MULTI_FACTOR}. The person goes to the second step (which
 * sends someone without a factor to set one up) and then back to the same request. With
 * {@code prompt=none} no page may be shown: the site gets {@code interaction_required}
 * (OpenID Connect Core 3.1.2.6).
 */
final class SecondFactorStepUp extends OncePerRequestFilter {

	private final RegisteredClientRepository clients;

	private final RequestCache requests = new HttpSessionRequestCache();

	SecondFactorStepUp(RegisteredClientRepository clients) {
		this.clients = clients;
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
		if (!ValidatedAuthorizationRequest.signedIn(authentication) || SecondFactors.shown(authentication)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ValidatedAuthorizationRequest> validated = ValidatedAuthorizationRequest.of(request, clients);
		boolean due = SecondFactors.pending(authentication)
				|| validated.map(SecondFactorStepUp::asksForMultiFactor).orElse(false);
		if (!due) {
			chain.doFilter(request, response);
			return;
		}
		if (validated.isPresent() && validated.get().prompts().contains("none")) {
			response.sendRedirect(ValidatedAuthorizationRequest.errorRedirect(validated.get().redirectUri(),
					"interaction_required", validated.get().state()));
			return;
		}
		requests.saveRequest(request, response);
		response.sendRedirect(request.getContextPath() + SecondFactors.SECOND_STEP_PATH);
	}

	/**
	 * Whether the site accepts only a multi-factor sign-in: it lists that level, and no
	 * lesser one it would also take, in {@code acr_values} (OpenID Connect Core 3.1.2.1:
	 * a list of preferences) or as the values of an essential {@code acr} claim in the
	 * {@code claims} parameter (5.5.1.1).
	 */
	private static boolean asksForMultiFactor(ValidatedAuthorizationRequest request) {
		Object acrValues = request.parameters().get("acr_values");
		Set<String> values = acrValues == null ? Set.of()
				: Arrays.stream(String.valueOf(acrValues).split(" ")).collect(Collectors.toSet());
		return onlyMultiFactor(values)
				|| onlyMultiFactor(ClaimsRequest.essentialAcr(request.parameters().get(ClaimsRequest.PARAMETER)));
	}

	private static boolean onlyMultiFactor(Set<String> acrValues) {
		return acrValues.contains(AuthenticationMethods.MULTI_FACTOR)
				&& !acrValues.contains(AuthenticationMethods.SINGLE_FACTOR);
	}

}
