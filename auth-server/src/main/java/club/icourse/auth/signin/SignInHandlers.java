package club.icourse.auth.signin;

import club.icourse.auth.system.SecondFactors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens after the sign-in form: the attempt is recorded, then the person goes on
 * (to the second step first, when their account has one) or sees why not.
 */
@Component
public class SignInHandlers {

	public static final String NAME_PARAMETER = "username";

	/** Where a sign-in that interrupted nothing goes on to. */
	static final String DEFAULT_TARGET = "/account";

	private final SignInRecorder recorder;

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	SignInHandlers(SignInRecorder recorder) {
		this.recorder = recorder;
	}

	public SavedRequestAwareAuthenticationSuccessHandler success() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				if (SecondFactors.pending(authentication)) {
					// The page asked for stays saved for after the second step.
					recorder.success(request, authentication.getName(), request.getParameter(NAME_PARAMETER),
							SignInOutcome.PASSWORD_ACCEPTED);
					redirect.sendRedirect(request, response, SecondFactors.SECOND_STEP_PATH);
					return;
				}
				recorder.success(request, authentication.getName(), request.getParameter(NAME_PARAMETER),
						SignInOutcome.SUCCESS);
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		handler.setDefaultTargetUrl(DEFAULT_TARGET);
		return handler;
	}

	public AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			String name = request.getParameter(NAME_PARAMETER);
			SignInOutcome outcome = outcomeOf(exception);
			recorder.failure(request, name, outcome);
			redirect.sendRedirect(request, response, switch (outcome) {
				case EMAIL_NOT_CONFIRMED -> "/login?unconfirmed";
				case TOO_MANY_FAILURES ->
					"/login?wait=" + Math.max(1, ((TooManyFailuresException) exception).retryAfter().toSeconds());
				default -> "/login?error";
			});
		};
	}

	private static SignInOutcome outcomeOf(AuthenticationException exception) {
		if (exception instanceof EmailNotConfirmedException) {
			return SignInOutcome.EMAIL_NOT_CONFIRMED;
		}
		if (exception instanceof TooManyFailuresException) {
			return SignInOutcome.TOO_MANY_FAILURES;
		}
		return SignInOutcome.BAD_CREDENTIALS;
	}

}
