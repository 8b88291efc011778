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
 * registry kept in one instance's memory. The provider's logout tokens name the subject,
 * not a session, so every session of that subject from that issuer is meant.
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
		sessions.findByPrincipalName(token.getSubject()).forEach((id, session) -> {
			SecurityContext context = session
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			Authentication authentication = context == null ? null : context.getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser person
					&& person.getIssuer() != null
					&& person.getIssuer().toString().equals(token.getIssuer().toString())) {
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
