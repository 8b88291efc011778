package club.icourse.auth.oauth;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * An authorization code presented with a wrong or missing {@code code_verifier} is spent:
 * the framework refuses the attempt ({@code invalid_grant}, while authenticating the
 * client) but would leave the code usable, so whoever holds a stolen code could try
 * verifiers until one fits. RFC 9700 2.1.1 and 4.8: one failed attempt invalidates it.
 */
final class CodeSpentOnFailedRedemption implements AuthenticationFailureHandler {

	private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

	private final OAuth2AuthorizationService authorizations;

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	CodeSpentOnFailedRedemption(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof OAuth2AuthenticationException refused
				&& OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())
				&& AuthorizationGrantType.AUTHORIZATION_CODE.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			spend(request.getParameter(OAuth2ParameterNames.CODE));
		}
		refuse(response, exception);
	}

	/**
	 * As the framework answers a failed client authentication: 401 for
	 * {@code invalid_client}, 400 otherwise, and only the error code.
	 */
	private void refuse(HttpServletResponse response, AuthenticationException exception) throws IOException {
		SecurityContextHolder.clearContext();
		String code = exception instanceof OAuth2AuthenticationException refused ? refused.getError().getErrorCode()
				: OAuth2ErrorCodes.INVALID_CLIENT;
		ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
		answer.setStatusCode(
				OAuth2ErrorCodes.INVALID_CLIENT.equals(code) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
		errors.write(new OAuth2Error(code), null, answer);
	}

	private void spend(String code) {
		if (code == null || code.isBlank()) {
			return;
		}
		OAuth2Authorization authorization = authorizations.findByToken(code, CODE);
		OAuth2Authorization.Token<OAuth2AuthorizationCode> issued = authorization == null ? null
				: authorization.getToken(OAuth2AuthorizationCode.class);
		if (issued != null && !issued.isInvalidated()) {
			authorizations.save(OAuth2Authorization.from(authorization).invalidate(issued.getToken()).build());
		}
	}

}
