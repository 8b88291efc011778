package club.icourse.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The UserInfo endpoint (OpenID Connect Core 5.3), in a filter chain of its own that
 * holds only it and the response headers every endpoint sends (see the {@code security}
 * package): the bearer token is found live in the store ({@link LiveBearerTokens}, one
 * indexed statement), the claims are those of {@link UserInfoByLiveToken}, written as
 * JSON or signed ({@link SignedUserInfo}). The protocol endpoints' chain ran some twenty
 * filters for it (every endpoint's matcher, session and request-cache handling, anonymous
 * authentication, authorization), which cost more CPU than the lookup and the answer
 * together.
 *
 * <p>
 * Answers as the framework's chain did: a missing, malformed or dead bearer token is a
 * 401 with {@code WWW-Authenticate: Bearer ...} (RFC 6750 3), written by the resource
 * server's own entry point; a token without {@code openid} a 403
 * {@code insufficient_scope} and one of a grant without an ID token a 401
 * {@code invalid_token}, as a JSON error (the framework's UserInfo filter). Nothing is
 * kept between requests: revocation, reuse detection and sign-out are seen at the next
 * call, by every instance.
 */
final class UserInfoEndpoint extends OncePerRequestFilter {

	private final BearerTokenResolver bearerTokens = UserInfoBearerTokens.resolver();

	private final AuthenticationEntryPoint refusal = new BearerTokenAuthenticationEntryPoint();

	private final HttpMessageConverter<OAuth2Error> error = new OAuth2ErrorHttpMessageConverter();

	private final LiveBearerTokens liveTokens;

	private final UserInfoByLiveToken claims;

	private final AuthenticationSuccessHandler answer;

	private final AuthorizationServerSettings settings;

	/**
	 * @param answer writes the claims: JSON, or a signed JWT for a client that asked for
	 * one ({@link SignedUserInfo})
	 */
	UserInfoEndpoint(LiveBearerTokens liveTokens, UserInfoByLiveToken claims, AuthenticationSuccessHandler answer,
			AuthorizationServerSettings settings) {
		this.liveTokens = liveTokens;
		this.claims = claims;
		this.answer = answer;
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication bearer;
		try {
			String value = this.bearerTokens.resolve(request);
			if (value == null) {
				throw new InsufficientAuthenticationException("No bearer token");
			}
			bearer = this.liveTokens.authenticate(new BearerTokenAuthenticationToken(value));
		}
		catch (AuthenticationException refused) {
			this.refusal.commence(request, response, refused);
			return;
		}
		try {
			Authentication result = this.claims.authenticate(new OidcUserInfoAuthenticationToken(bearer));
			AuthorizationServerContextHolder.setContext(new UserInfoIssuer(this.settings, request));
			try {
				this.answer.onAuthenticationSuccess(request, response, result);
			}
			finally {
				AuthorizationServerContextHolder.resetContext();
			}
		}
		catch (OAuth2AuthenticationException refused) {
			OAuth2Error cause = refused.getError();
			ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
			answer.setStatusCode(switch (cause.getErrorCode()) {
				case OAuth2ErrorCodes.INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
				case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> HttpStatus.FORBIDDEN;
				default -> HttpStatus.BAD_REQUEST;
			});
			this.error.write(cause, null, answer);
		}
	}

}
