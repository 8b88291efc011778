package club.icourse.auth.account;

import club.icourse.auth.audit.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Names who is acting, for the audit log: a signed-in person by subject and username, an
 * admin API caller by its client id.
 */
@Component
public class Actors {

	private final AccountRepository accounts;

	Actors(AccountRepository accounts) {
		this.accounts = accounts;
	}

	public Actor of(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return Actor.client(token.getToken().getSubject());
		}
		return person(authentication.getName());
	}

	public Actor person(String subject) {
		return new Actor(subject, accounts.findBySubject(subject).map(Account::username).orElse(subject));
	}

}
