package club.icourse.auth.account;

import java.util.List;
import java.util.Optional;

/**
 * The factors another feature keeps for an account (the authenticator app and recovery
 * codes, passkeys), for administration to list and to remove one the person lost. The
 * account feature acts on them without knowing those features.
 */
public interface AccountFactors {

	List<AccountFactor> of(Account account);

	/** The factor removed, or empty when this feature holds none by that id. */
	Optional<AccountFactor> remove(Account account, String id);

}
