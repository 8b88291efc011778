package club.icourse.auth.signin;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountDeleted;
import club.icourse.auth.account.AccountPageSection;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A person's sign-in history: the latest attempts on their account page, and nothing left
 * of it once the account is deleted (addresses and browsers are personal data).
 */
@Component
class SignInHistory implements AccountPageSection {

	private static final int LENGTH = 20;

	private final SignInAttempts attempts;

	SignInHistory(SignInAttempts attempts) {
		this.attempts = attempts;
	}

	@Override
	public void addTo(Account account, Model model) {
		model.addAttribute("signIns", attempts.latest(account.id(), LENGTH));
	}

	/** In the deleting transaction, as the rest of the deletion. */
	@EventListener
	void onAccountDeleted(AccountDeleted deleted) {
		attempts.forget(deleted.accountId());
	}

}
