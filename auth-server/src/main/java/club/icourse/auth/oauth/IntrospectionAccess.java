package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.http.converter.OAuth2TokenIntrospectionHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Who may learn about a token at the introspection endpoint (RFC 7662 4): the client it
 * was issued to, and clients registered as resource servers
 * ({@link ClientOptions#RESOURCE_SERVER}). Any other client is told only
 * {@code {"active": false}}, as for a token that does not exist, so it cannot probe other
 * sites' tokens.
 */
final class IntrospectionAccess implements AuthenticationSuccessHandler {

	private final OAuth2TokenIntrospectionHttpMessageConverter json = new OAuth2TokenIntrospectionHttpMessageConverter();

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2TokenIntrospectionAuthenticationToken introspection = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
		OAuth2TokenIntrospection claims = introspection.getTokenClaims();
		if (claims.isActive() && !mayIntrospect(introspection.getPrincipal(), claims)) {
			claims = OAuth2TokenIntrospection.builder(false).build();
		}
		json.write(claims, null, new ServletServerHttpResponse(response));
	}

	private static boolean mayIntrospect(Object principal, OAuth2TokenIntrospection claims) {
		if (!(principal instanceof OAuth2ClientAuthenticationToken client) || client.getRegisteredClient() == null) {
			return false;
		}
		RegisteredClient asking = client.getRegisteredClient();
		return asking.getClientId().equals(claims.getClientId())
				|| Boolean.TRUE.equals(asking.getClientSettings().getSetting(ClientOptions.RESOURCE_SERVER));
	}

}
