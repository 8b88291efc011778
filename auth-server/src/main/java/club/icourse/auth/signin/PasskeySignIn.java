package club.icourse.auth.signin;

import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in with a passkey, alone or as the second step after a password, through Spring
 * Security's WebAuthn endpoints ({@code POST /webauthn/authenticate/options}, then
 * {@code POST /login/webauthn} from {@code js/passkeys.js}): the assertion is checked by
 * {@link PasskeyAuthenticationProvider}, the session id changes as after a password, the
 * attempt goes into the sign-in history, and the answer is JSON: where to go on (the
 * interrupted authorization request, else the account page), or why not, in the person's
 * language.
 */
@Component
public class PasskeySignIn {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PasskeyAuthenticationProvider provider;

	private final UserDetailsService accountsBySubject;

	private final SignInRecorder recorder;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final RequestCache interruptedRequests = new HttpSessionRequestCache();

	PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, UserCredentialRepository credentials,
			PublicKeyCredentialUserEntityRepository users, AccountRepository accounts, SignInBackoff backoff,
			RateLimiter rateLimiter, SignInRecorder recorder, MessageSource messages, LocaleResolver locales,
			SecondFactorPolicy secondFactors) {
		this.provider = new PasskeyAuthenticationProvider(relyingParty, credentials, users, accounts, backoff,
				rateLimiter);
		this.accountsBySubject = new RememberedAccounts(accounts, secondFactors);
		this.recorder = recorder;
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * Spring Security's WebAuthn support on the pages' chain, without its own pages (ours
	 * load their script from a file, as the Content-Security-Policy wants).
	 */
	public void configure(WebAuthnConfigurer<HttpSecurity> webAuthn, HttpSecurity http) {
		// The configurer insists on one; our provider replaces the one it is for.
		http.setSharedObject(UserDetailsService.class, accountsBySubject);
		webAuthn.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(new ProviderManager(provider));
					// As the second step after a password: a passkey of the same account
					// adds its factor to the sign-in, which keeps the password's (another
					// account's passkey starts a sign-in of its own).
					filter.setMfaEnabled(true);
					filter.setSessionAuthenticationStrategy(http.getSharedObject(SessionAuthenticationStrategy.class));
					filter.setAuthenticationSuccessHandler(success());
					filter.setAuthenticationFailureHandler(failure());
					return filter;
				}
			});
	}

	private AuthenticationSuccessHandler success() {
		return (request, response, authentication) -> {
			recorder.success(request, authentication.getName(), null, SignInOutcome.SUCCESS_BY_PASSKEY);
			SavedRequest interrupted = interruptedRequests.getRequest(request, response);
			String next = interrupted != null ? interrupted.getRedirectUrl()
					: request.getContextPath() + SignInHandlers.DEFAULT_TARGET;
			answer(response, HttpServletResponse.SC_OK, Map.of("authenticated", true, "redirectUrl", next));
		};
	}

	private AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			if (exception instanceof TooManyFailuresException tooMany) {
				long seconds = Math.max(1, tooMany.retryAfter().toSeconds());
				recorder.passkeyFailure(request, null, SignInOutcome.TOO_MANY_FAILURES);
				response.setHeader("Retry-After", Long.toString(seconds));
				answer(response, 429,
						Map.of("authenticated", false, "message", message(request, "signin.wait", seconds)));
				return;
			}
			PasskeyRefusedException refused = refusal(exception);
			recorder.passkeyFailure(request, refused.accountId(), SignInOutcome.PASSKEY_REFUSED);
			answer(response, HttpServletResponse.SC_UNAUTHORIZED,
					Map.of("authenticated", false, "message", message(request, refused.messageKey())));
		};
	}

	/** The framework's own refusals (an unreadable body, no options in the session). */
	private static PasskeyRefusedException refusal(AuthenticationException exception) {
		return exception instanceof PasskeyRefusedException refused ? refused
				: new PasskeyRefusedException(null, "signin.passkey.refused", exception);
	}

	private String message(HttpServletRequest request, String key, Object... arguments) {
		return messages.getMessage(key, arguments, locales.resolveLocale(request));
	}

	private static void answer(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		JSON.writeValue(response.getOutputStream(), body);
	}

}
