package club.icourse.auth.signin;

import club.icourse.auth.account.AccountRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The account a "remember me" cookie stands for, by subject; only while its address is
 * confirmed. Its password plays no part: the cookie is checked against the database. The
 * cookie stands in for the password only: an account with a second factor is asked to
 * sign in again.
 */
public final class RememberedAccounts implements UserDetailsService {

	private final AccountRepository accounts;

	private final SecondFactorPolicy secondFactors;

	public RememberedAccounts(AccountRepository accounts, SecondFactorPolicy secondFactors) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
	}

	@Override
	public UserDetails loadUserByUsername(String subject) {
		return accounts.findBySubject(subject)
			.filter(account -> account.emailConfirmed())
			.map(account -> User.withUsername(account.subject())
				.password("")
				.authorities(AccountUserDetails.authorities(account, secondFactors.requiredFor(account)))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
