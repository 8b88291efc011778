package club.icourse.auth.oauth;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where the UserInfo endpoint finds the access token: the Authorization header, or the
 * {@code access_token} field of a form-encoded POST body (RFC 6750 2.2, which OpenID
 * Connect Core 5.3.1 relies on); never the URI query.
 */
final class UserInfoBearerTokens {

	private UserInfoBearerTokens() {
	}

	static BearerTokenResolver resolver() {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		resolver.setAllowFormEncodedBodyParameter(true);
		return resolver;
	}

}
