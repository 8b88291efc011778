package club.icourse.auth.admin;

import club.icourse.auth.clients.ClientDefinition;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The admin API takes bearer tokens only: access tokens with the admin scope that are
 * still live in the authorization store, so that revoking a token, or switching its
 * client off, takes effect at once rather than when the JWT expires.
 */
public final class AdminApiAccess implements AuthorizationManager<RequestAuthorizationContext> {

	/** Every address of the admin API. */
	public static final String PATHS = ClientAdminApi.BASE + "/**";

	private final OAuth2AuthorizationService authorizations;

	public AdminApiAccess(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		if (!(caller instanceof JwtAuthenticationToken token) || caller.getAuthorities()
			.stream()
			.noneMatch(a -> a.getAuthority().equals("SCOPE_" + ClientDefinition.ADMIN_SCOPE))) {
			return new AuthorizationDecision(false);
		}
		OAuth2Authorization grant = authorizations.findByToken(token.getToken().getTokenValue(),
				OAuth2TokenType.ACCESS_TOKEN);
		OAuth2Authorization.Token<OAuth2AccessToken> live = grant == null ? null : grant.getAccessToken();
		return new AuthorizationDecision(live != null && live.isActive());
	}

}
