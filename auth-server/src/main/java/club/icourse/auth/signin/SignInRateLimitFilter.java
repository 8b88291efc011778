package club.icourse.auth.signin;

import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimitExceededException;
import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.auth.ratelimit.TooManyRequestsResponses;
import club.icourse.web.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Limits posts of the sign-in form (and passkey assertions) per client address and per
 * {@link SignInSubject} (the account the typed name resolves to, else the folded name),
 * before Spring Security looks at the password. It runs ahead of the security filter
 * chain, so it answers with the 429 page itself.
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

	/**
	 * The password form and the passkey assertion (whose account is known only once its
	 * credential is read: {@link PasskeyAuthenticationProvider} takes that limit).
	 */
	static final List<String> PATHS = List.of("/login", "/login/webauthn");

	private final RateLimiter rateLimiter;

	private final ClientAddress clientAddress;

	private final SignInNames names;

	private final ViewResolver views;

	private final LocaleResolver locales;

	SignInRateLimitFilter(RateLimiter rateLimiter, ClientAddress clientAddress, SignInNames names, ViewResolver views,
			LocaleResolver locales) {
		this.rateLimiter = rateLimiter;
		this.clientAddress = clientAddress;
		this.names = names;
		this.views = views;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && PATHS.contains(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			rateLimiter.consume(RateLimit.SIGN_IN_IP, clientAddress.of(request));
			String name = request.getParameter(SignInHandlers.NAME_PARAMETER);
			if (name != null && !name.isBlank()) {
				rateLimiter.consume(RateLimit.SIGN_IN_ACCOUNT, names.resolve(name, request).limitKey());
			}
		}
		catch (RateLimitExceededException exceeded) {
			render(TooManyRequestsResponses.render(exceeded, request, response), request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void render(ModelAndView answer, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setStatus(answer.getStatus().value());
		Locale locale = locales.resolveLocale(request);
		try {
			View view = answer.getView() != null ? answer.getView()
					: views.resolveViewName(answer.getViewName(), locale);
			view.render(answer.getModel(), request, response);
		}
		catch (Exception e) {
			throw new IOException("Could not render the rate-limit answer", e);
		}
	}

}
