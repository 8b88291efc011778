package club.icourse.reviewapp.people;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Single sign-out: signing out here also ends the iCourse ID session (OpenID Connect
 * RP-initiated logout, with the person's ID token as the hint), and iCourse ID brings the
 * person back to this site's home page; it tells the other sites of that session itself
 * (back-channel logout).
 */
class ProviderSignOut implements LogoutSuccessHandler {

	private final OidcClientInitiatedLogoutSuccessHandler delegate;

	ProviderSignOut(ClientRegistrationRepository registrations, IcourseIdProperties provider) {
		delegate = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		// Exactly as registered at iCourse ID: the public address when one is configured.
		delegate.setPostLogoutRedirectUri(
				(provider.publicUrl() == null || provider.publicUrl().isBlank() ? "{baseUrl}" : provider.publicUrl())
						+ "/");
		delegate.setDefaultTargetUrl("/");
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		delegate.onLogoutSuccess(request, response, authentication);
	}

}
