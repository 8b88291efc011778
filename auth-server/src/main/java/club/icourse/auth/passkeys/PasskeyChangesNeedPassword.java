package club.icourse.auth.passkeys;

import club.icourse.auth.system.RecentPassword;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-authentication before adding a passkey, as before every change of factors: Spring
 * Security's registration endpoints ({@code POST /webauthn/register/options} and
 * {@code POST /webauthn/register}) answer 403 with the reason in the person's language
 * unless the password was typed in this sign-in within the last few minutes. (Removal is
 * our own form, {@link PasskeyController}, which checks the same.)
 */
@Component
public class PasskeyChangesNeedPassword {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RequestMatcher REGISTRATION = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register/options"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register"));

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final RecentPassword recentPassword;

	private final MessageSource messages;

	private final LocaleResolver locales;

	PasskeyChangesNeedPassword(RecentPassword recentPassword, MessageSource messages, LocaleResolver locales) {
		this.recentPassword = recentPassword;
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * Ahead of the pages' authorization rules, which still refuse a person not signed in
	 * (or whose second factor is pending) as before.
	 */
	public void configure(HttpSecurity http) {
		http.addFilterBefore(new Guard(), AuthorizationFilter.class);
	}

	private final class Guard extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !REGISTRATION.matches(request);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
				.getContext()
				.getAuthentication();
			if (!trust.isAuthenticated(authentication) || recentPassword.typed(authentication)) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			String message = messages.getMessage("passkeys.password-first", new Object[] { RecentPassword.minutes() },
					locales.resolveLocale(request));
			JSON.writeValue(response.getOutputStream(), Map.of("success", false, "message", message));
		}

	}

}
