package club.icourse.auth.oauth;

import club.icourse.auth.account.Account;
import club.icourse.shared.ClaimNames;
import club.icourse.shared.Scopes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;

/**
 * Which claims each scope releases (OpenID Connect Core 5.4), limited to what an account
 * holds: {@code profile} the name, username and language; {@code email} the address and
 * whether it is confirmed; {@code school} the school and whether the person is a student
 * or a teacher.
 */
final class StandardScopeClaims {

	static final Map<String, List<String>> BY_SCOPE = Map.of(OidcScopes.PROFILE,
			List.of(StandardClaimNames.NAME, StandardClaimNames.PREFERRED_USERNAME, StandardClaimNames.LOCALE),
			OidcScopes.EMAIL, List.of(StandardClaimNames.EMAIL, StandardClaimNames.EMAIL_VERIFIED), Scopes.SCHOOL,
			List.of(ClaimNames.SCHOOL, ClaimNames.AFFILIATION));

	private StandardScopeClaims() {
	}

	/** The scope that releases a claim, if any does. */
	static Optional<String> scopeOf(String claim) {
		return BY_SCOPE.entrySet()
			.stream()
			.filter(scope -> scope.getValue().contains(claim))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/** The account's claims of the granted scopes. */
	static Map<String, Object> of(Account account, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		if (scopes.contains(OidcScopes.PROFILE)) {
			claims.put(StandardClaimNames.NAME, account.username());
			claims.put(StandardClaimNames.PREFERRED_USERNAME, account.username());
			if (account.locale() != null) {
				claims.put(StandardClaimNames.LOCALE, account.locale().toLanguageTag());
			}
		}
		if (scopes.contains(OidcScopes.EMAIL)) {
			claims.put(StandardClaimNames.EMAIL, account.email());
			claims.put(StandardClaimNames.EMAIL_VERIFIED, account.emailConfirmed());
		}
		if (scopes.contains(Scopes.SCHOOL)) {
			claims.put(ClaimNames.SCHOOL, account.school());
			claims.put(ClaimNames.AFFILIATION, account.affiliation().claimValue());
		}
		return claims;
	}

}
