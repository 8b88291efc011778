package club.icourse.auth.signin;

import club.icourse.auth.account.Account;
import club.icourse.auth.system.SecondFactors;
import club.icourse.shared.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * An account during the password check. Its user name is the account's subject, which
 * becomes the principal name of the session; the sign-in name typed (email or username)
 * is not kept.
 */
final class AccountUserDetails extends User {

	private final long accountId;

	private final boolean emailConfirmed;

	AccountUserDetails(Account account, String passwordHash, boolean secondFactorRequired) {
		super(account.subject(), passwordHash, authorities(account, secondFactorRequired));
		this.accountId = account.id();
		this.emailConfirmed = account.emailConfirmed();
	}

	long accountId() {
		return accountId;
	}

	boolean emailConfirmed() {
		return emailConfirmed;
	}

	static List<GrantedAuthority> authorities(Account account) {
		return account.roles()
			.stream()
			.sorted()
			.map(Role::authority)
			.map(SimpleGrantedAuthority::new)
			.map(GrantedAuthority.class::cast)
			.toList();
	}

	/** The roles, and the mark that a second factor must follow when it must. */
	static List<GrantedAuthority> authorities(Account account, boolean secondFactorRequired) {
		List<GrantedAuthority> authorities = new ArrayList<>(authorities(account));
		if (secondFactorRequired) {
			authorities.add(new SimpleGrantedAuthority(SecondFactors.REQUIRED_AUTHORITY));
		}
		return authorities;
	}

}
