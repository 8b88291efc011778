package club.icourse.auth.oauth;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.shared.ClaimNames;
import club.icourse.shared.Role;
import club.icourse.shared.Scopes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * What a client learns about a person, scope by scope: {@code profile} their username,
 * {@code email} their confirmed address, {@code school} their school and whether they are
 * a student or a teacher. The same claims go into the ID token and the UserInfo answer,
 * and only for the scopes the person granted.
 */
@Component
class IdentityClaims {

	private final AccountRepository accounts;

	private final PairwiseSubjects subjects;

	private final RegisteredClientRepository clients;

	IdentityClaims(AccountRepository accounts, PairwiseSubjects subjects, RegisteredClientRepository clients) {
		this.accounts = accounts;
		this.subjects = subjects;
		this.clients = clients;
	}

	/** The {@code sub} the client sees for the account. */
	String subject(String accountSubject, RegisteredClient client) {
		return subjects.subjectFor(accountSubject, client);
	}

	/**
	 * The claims of the granted scopes; first-party clients also learn the person's roles
	 * (an admin here is one there).
	 */
	Map<String, Object> of(String subject, Set<String> scopes, RegisteredClient client) {
		Map<String, Object> claims = new LinkedHashMap<>();
		accounts.findBySubject(subject).ifPresent(account -> {
			addClaims(account, scopes, claims);
			if (client != null && PairwiseSubjects.isFirstParty(client)) {
				// An ArrayList: the claims are stored with the authorization and must
				// pass the framework's JSON allow-list.
				claims.put(ClaimNames.ROLES,
						account.roles()
							.stream()
							.map(Role::name)
							.sorted()
							.collect(Collectors.toCollection(ArrayList::new)));
			}
		});
		return claims;
	}

	OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		String subject = context.getAuthorization().getPrincipalName();
		RegisteredClient client = clients.findById(context.getAuthorization().getRegisteredClientId());
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(StandardClaimNames.SUB, subject(subject, client));
		claims.putAll(of(subject, context.getAccessToken().getScopes(), client));
		return new OidcUserInfo(claims);
	}

	private static void addClaims(Account account, Set<String> scopes, Map<String, Object> claims) {
		if (scopes.contains(OidcScopes.PROFILE)) {
			claims.put(StandardClaimNames.PREFERRED_USERNAME, account.username());
			claims.put(StandardClaimNames.NAME, account.username());
		}
		if (scopes.contains(OidcScopes.EMAIL)) {
			claims.put(StandardClaimNames.EMAIL, account.email());
			claims.put(StandardClaimNames.EMAIL_VERIFIED, account.emailConfirmed());
		}
		if (scopes.contains(Scopes.SCHOOL)) {
			claims.put(ClaimNames.SCHOOL, account.school());
			claims.put(ClaimNames.AFFILIATION, account.affiliation().claimValue());
		}
	}

}
