package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Date;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The session registry the protocol endpoints ask, answering only about the browser
 * session of the current request, which Spring Session has already loaded: the
 * authorization endpoint registers it, RP-initiated logout checks it against the ID
 * token's {@code sid}. Spring Session's own registry answered by loading and
 * deserialising every live session of the person, on every code exchange, a cost that
 * grew with their sessions. A code exchange (the site's request, no browser) finds no
 * session here; the grant carries the {@code sid} of the browser session that authorized
 * it instead ({@link BrowserSessionOfGrant}).
 */
final class CurrentBrowserSession implements SessionRegistry {

	@Override
	public List<Object> getAllPrincipals() {
		return List.of();
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		HttpSession session = current();
		if (session == null || !name(principal).equals(signedIn(session))) {
			return List.of();
		}
		return List.of(information(principal, session));
	}

	@Override
	public SessionInformation getSessionInformation(String sessionId) {
		HttpSession session = current();
		if (session == null || !session.getId().equals(sessionId) || signedIn(session) == null) {
			return null;
		}
		return information(signedIn(session), session);
	}

	@Override
	public void refreshLastRequest(String sessionId) {
		// Spring Session keeps the time of the last request.
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
		// Spring Session stores every session, with its principal.
	}

	@Override
	public void removeSessionInformation(String sessionId) {
		// Spring Session deletes sessions that end.
	}

	static HttpSession current() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getSession(false) : null;
	}

	private static SessionInformation information(Object principal, HttpSession session) {
		return new SessionInformation(principal, session.getId(), new Date(session.getLastAccessedTime()));
	}

	private static String signedIn(HttpSession session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication authentication = (context instanceof SecurityContext securityContext)
				? securityContext.getAuthentication() : null;
		return authentication == null ? null : authentication.getName();
	}

	private static String name(Object principal) {
		if (principal instanceof UserDetails user) {
			return user.getUsername();
		}
		if (principal instanceof Principal named) {
			return named.getName();
		}
		return String.valueOf(principal);
	}

}
