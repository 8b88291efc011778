package club.icourse.auth.passkeys;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountFactor;
import club.icourse.auth.account.AccountFactors;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The account's passkeys, as administration lists and removes them. */
@Component
class PasskeyAccountFactors implements AccountFactors {

	static final String KIND = "passkey";

	private static final String PREFIX = KIND + "-";

	private final Passkeys passkeys;

	PasskeyAccountFactors(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@Override
	public List<AccountFactor> of(Account account) {
		return passkeys.of(account.subject())
			.stream()
			.map(passkey -> new AccountFactor(PREFIX + passkey.id(), KIND, passkey.name(), passkey.created(), null))
			.toList();
	}

	@Override
	public Optional<AccountFactor> remove(Account account, String id) {
		if (!id.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return passkeys.removeForAdministration(account.subject(), id.substring(PREFIX.length()))
			.map(passkey -> new AccountFactor(id, KIND, passkey.name(), passkey.created(), null));
	}

}
