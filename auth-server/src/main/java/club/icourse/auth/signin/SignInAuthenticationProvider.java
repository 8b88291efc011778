package club.icourse.auth.signin;

import club.icourse.auth.account.AccountRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check of the sign-in form: refused while the account (or, for a name of no
 * account, the folded name) must wait after repeated failures, then Spring Security's DAO
 * check (which hides unknown names and takes as long for them), then the
 * confirmed-address check, which comes only after a right password so that it tells
 * nothing to someone guessing.
 */
public final class SignInAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInNames names;

	private final SignInBackoff backoff;

	public SignInAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwordEncoder, SignInNames names,
			SignInBackoff backoff, SecondFactorPolicy secondFactors) {
		this.names = names;
		this.backoff = backoff;
		this.passwords = new DaoAuthenticationProvider(name -> names.credentials(name)
			.filter(credentials -> credentials.passwordHash() != null)
			.map(credentials -> (UserDetails) new AccountUserDetails(credentials.account(), credentials.passwordHash(),
					secondFactors.requiredFor(credentials.account())))
			.orElseThrow(() -> new UsernameNotFoundException("No such account")));
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService((user, newHash) -> {
			accounts.upgradePasswordHash(user.getUsername(), newHash);
			return User.withUserDetails(user).password(newHash).build();
		});
		passwords.setPostAuthenticationChecks(confirmedAddressRequired());
		// The session keeps only the subject, a plain string every instance and every
		// serializer can read back.
		passwords.setForcePrincipalAsString(true);
	}

	private static UserDetailsChecker confirmedAddressRequired() {
		return user -> {
			if (user instanceof AccountUserDetails account && !account.emailConfirmed()) {
				throw new EmailNotConfirmedException();
			}
		};
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		backoff.waitFor(names.resolve(authentication.getName())).ifPresent(wait -> {
			throw new TooManyFailuresException(wait);
		});
		return passwords.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
