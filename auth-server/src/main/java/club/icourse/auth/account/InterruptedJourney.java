package club.icourse.auth.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Where a person was going when they were asked to sign in (a site's authorization
 * request, a page of this server), kept in the browser session as the sign-in form keeps
 * it. A person who registers on the way, and confirms their address in the same browser,
 * goes on there instead of stopping at their account page.
 */
@Component
public class InterruptedJourney {

	private final RequestCache requests = new HttpSessionRequestCache();

	/** The address to go on to after a sign-in, or {@code fallback} if none is kept. */
	public String continueOr(HttpServletRequest request, HttpServletResponse response, String fallback) {
		SavedRequest saved = requests.getRequest(request, response);
		if (saved == null) {
			return fallback;
		}
		requests.removeRequest(request, response);
		return saved.getRedirectUrl();
	}

}
