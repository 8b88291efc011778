package club.icourse.auth.account;

import java.time.Instant;

/**
 * An account as the administration sees it.
 *
 * @param disabledAt when an administrator switched it off; null while it is on
 * @param passwordCleared the person must choose a new password (by a reset link) before
 * signing in with one
 */
public record AdministeredAccount(Account account, Instant disabledAt, boolean passwordCleared) {

	public boolean disabled() {
		return disabledAt != null;
	}

}
