package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The issuer of a UserInfo call, as the framework's context filter (which UserInfo's own
 * chain does not run) says it: the configured one, else the address the request came to
 * without its path. A signed UserInfo answer ({@link SignedUserInfo}) names it.
 */
record UserInfoIssuer(AuthorizationServerSettings settings,
		HttpServletRequest request) implements AuthorizationServerContext {

	@Override
	public String getIssuer() {
		if (settings.getIssuer() != null) {
			return settings.getIssuer();
		}
		return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

	@Override
	public AuthorizationServerSettings getAuthorizationServerSettings() {
		return settings;
	}

}
