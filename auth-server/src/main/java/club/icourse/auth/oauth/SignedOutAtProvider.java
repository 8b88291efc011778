package club.icourse.auth.oauth;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.StringUtils;

/**
 * A site's logout request carried out by {@code signOut}: back to the site's post-logout
 * redirect URI as the framework does, or, when the site named none, to the sign-in page
 * saying the person is signed out (the framework shows the home page, which does not).
 */
final class SignedOutAtProvider implements AuthenticationSuccessHandler {

	private final OidcLogoutAuthenticationSuccessHandler framework = new OidcLogoutAuthenticationSuccessHandler();

	private final LogoutHandler signOut;

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	SignedOutAtProvider(LogoutHandler signOut) {
		this.signOut = signOut;
		framework.setLogoutHandler(signOut);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OidcLogoutAuthenticationToken logout
				&& !StringUtils.hasText(logout.getPostLogoutRedirectUri())) {
			signOut.logout(request, response, authentication);
			redirect.sendRedirect(request, response, PostLogoutRedirect.SIGNED_OUT);
			return;
		}
		framework.onAuthenticationSuccess(request, response, authentication);
	}

}
