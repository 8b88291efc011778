package club.icourse.auth.account;

import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends the browser sessions and "remember me" cookies of an account, on every instance
 * (both live in the database).
 */
@Component
class AccountSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	private final PersistentTokenRepository rememberMeTokens;

	AccountSessions(FindByIndexNameSessionRepository<?> sessions, PersistentTokenRepository rememberMeTokens) {
		this.sessions = sessions;
		this.rememberMeTokens = rememberMeTokens;
	}

	/**
	 * Signs the account out everywhere but in the session {@code keptSessionId} (null to
	 * keep none).
	 */
	void endAllExcept(String subject, String keptSessionId) {
		sessions.findByPrincipalName(subject)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keptSessionId))
			.forEach(sessions::deleteById);
		rememberMeTokens.removeUserTokens(subject);
	}

}
