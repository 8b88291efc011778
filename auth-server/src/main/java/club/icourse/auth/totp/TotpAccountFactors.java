package club.icourse.auth.totp;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountFactor;
import club.icourse.auth.account.AccountFactors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The authenticator app and the recovery codes, as administration lists and removes them:
 * removing the app removes its recovery codes too (as the person's own removal does);
 * removing the recovery codes leaves the app.
 */
@Component
class TotpAccountFactors implements AccountFactors {

	static final String TOTP = "totp";

	static final String RECOVERY_CODES = "recovery-codes";

	private final TotpFactors factors;

	private final RecoveryCodes recoveryCodes;

	TotpAccountFactors(TotpFactors factors, RecoveryCodes recoveryCodes) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
	}

	@Override
	public List<AccountFactor> of(Account account) {
		List<AccountFactor> found = new ArrayList<>();
		factors.confirmedAt(account.id()).ifPresent(at -> found.add(new AccountFactor(TOTP, TOTP, null, at, null)));
		int left = recoveryCodes.remaining(account.id());
		if (left > 0) {
			found.add(new AccountFactor(RECOVERY_CODES, RECOVERY_CODES, null, null, left));
		}
		return found;
	}

	@Override
	public Optional<AccountFactor> remove(Account account, String id) {
		Optional<AccountFactor> held = of(account).stream().filter(factor -> factor.id().equals(id)).findFirst();
		held.ifPresent(factor -> {
			if (TOTP.equals(id)) {
				factors.remove(account.id());
			}
			recoveryCodes.forget(account.id());
		});
		return held;
	}

}
