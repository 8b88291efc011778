package club.icourse.auth.signin;

import club.icourse.auth.account.Account;

/**
 * Whether an account must show a second factor after its password (it has one, or its
 * role requires one). The feature that owns the factors answers; a sign-in of such an
 * account carries {@link club.icourse.auth.system.SecondFactors#REQUIRED_AUTHORITY}.
 */
public interface SecondFactorPolicy {

	boolean requiredFor(Account account);

}
