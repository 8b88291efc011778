package club.icourse.auth.passkeys;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountPageSection;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The person's passkeys on their account page. */
@Component
class PasskeysSection implements AccountPageSection {

	private final Passkeys passkeys;

	PasskeysSection(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@Override
	public void addTo(Account account, Model model) {
		model.addAttribute("passkeys", passkeys.of(account.subject()));
		model.addAttribute("passkeyNameLength", AccountRelyingParty.NAME_LENGTH);
	}

}
