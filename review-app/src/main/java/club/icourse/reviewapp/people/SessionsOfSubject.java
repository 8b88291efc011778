package club.icourse.reviewapp.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Finds a person's sessions for back-channel logout in Spring Session's own principal
 * index (sessions live in the database, so every instance sees them), instead of a
 * registry kept in one instance's memory. As Back-Channel Logout 1.0 section 2.7 asks, a
 * logout token with a {@code sid} ends only the sessions whose ID token carried that sid
 * (one sign-in at the provider), and one with only {@code sub} ends every session of that
 * subject from that issuer. Ending them all regardless of sid would let the late logout
 * token of an earlier sign-out end the session of the person's next sign-in. The index is
 * by subject, so a token with a sid but no subject finds nothing.
 */
class SessionsOfSubject implements OidcSessionRegistry {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionsOfSubject(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@Override
	public void saveSessionInformation(OidcSessionInformation info) {
		// Spring Session indexes the session by principal name when it is saved; nothing
		// more to keep.
	}

	@Override
	public OidcSessionInformation removeSessionInformation(String clientSessionId) {
		return null;
	}

	@Override
	public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
		List<OidcSessionInformation> found = new ArrayList<>();
		if (token.getSubject() == null) {
			return found;
		}
		sessions.findByPrincipalName(token.getSubject()).forEach((id, session) -> {
			SecurityContext context = session
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			Authentication authentication = context == null ? null : context.getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser person
					&& person.getIssuer() != null && person.getIssuer().toString().equals(token.getIssuer().toString())
					&& (token.getSessionId() == null
							|| token.getSessionId().equals(person.getIdToken().getClaimAsString("sid")))) {
				found.add(new OidcSessionInformation(id, Map.of(), person));
			}
		});
		return found;
	}

	/** Ends the sessions a logout token names, directly in the session store. */
	void end(OidcLogoutToken token) {
		removeSessionInformation(token).forEach(info -> sessions.deleteById(info.getSessionId()));
	}

}
