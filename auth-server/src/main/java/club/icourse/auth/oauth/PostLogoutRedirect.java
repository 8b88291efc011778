package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After signing out on the pages: back to the site that asked, when the confirmation form
 * names a registered post-logout redirect URI of that site, else to the sign-in page
 * saying the person is signed out.
 */
@Component
public class PostLogoutRedirect implements LogoutSuccessHandler {

	static final String SIGNED_OUT = "/login?signedOut";

	private final PostLogoutTargets targets;

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	PostLogoutRedirect(PostLogoutTargets targets) {
		this.targets = targets;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		redirect.sendRedirect(request, response,
				targets
					.target(request.getParameter("client_id"), request.getParameter("post_logout_redirect_uri"),
							request.getParameter("state"))
					.map(URI::toString)
					.orElse(SIGNED_OUT));
	}

}
