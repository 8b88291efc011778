package club.icourse.auth.oauth;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.shared.ClaimNames;
import club.icourse.shared.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * What a client learns about a person, scope by scope ({@link StandardScopeClaims}), and
 * only for the scopes the person granted. The UserInfo answer carries the claims of the
 * granted scopes; the ID token, issued here always beside an access token, carries them
 * only when the site asked for them there with the {@code claims} parameter (OpenID
 * Connect Core 5.4, 5.5).
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
	 * The person's claims for an ID token: those the site asked for in it, of the granted
	 * scopes; first-party clients also learn the person's roles (an admin here is one
	 * there).
	 */
	Map<String, Object> idToken(String subject, Set<String> scopes, RegisteredClient client, ClaimsRequest requested) {
		Map<String, Object> claims = new LinkedHashMap<>();
		AccountOfGrant.of(subject, accounts::findBySubject).ifPresent(account -> {
			StandardScopeClaims.of(account, scopes).forEach((name, value) -> {
				if (requested.idToken().contains(name)) {
					claims.put(name, value);
				}
			});
			addRoles(account, client, claims);
		});
		return claims;
	}

	OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		String subject = context.getAuthorization().getPrincipalName();
		return userInfo(subject, clients.findById(context.getAuthorization().getRegisteredClientId()),
				context.getAccessToken().getScopes(), accounts.findBySubject(subject));
	}

	/**
	 * @param account the live account of {@code subject}, read with the token (empty once
	 * it is deleted)
	 */
	OidcUserInfo userInfo(String subject, RegisteredClient client, Set<String> scopes, Optional<Account> account) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(StandardClaimNames.SUB, subject(subject, client));
		account.ifPresent(person -> {
			claims.putAll(StandardScopeClaims.of(person, scopes));
			addRoles(person, client, claims);
		});
		return new OidcUserInfo(claims);
	}

	private static void addRoles(Account account, RegisteredClient client, Map<String, Object> claims) {
		if (client != null && PairwiseSubjects.isFirstParty(client)) {
			// An ArrayList: the claims are stored with the authorization and must pass
			// the framework's JSON allow-list.
			claims.put(ClaimNames.ROLES,
					account.roles().stream().map(Role::name).sorted().collect(Collectors.toCollection(ArrayList::new)));
		}
	}

}
