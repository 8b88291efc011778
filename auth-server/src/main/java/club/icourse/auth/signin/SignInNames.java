package club.icourse.auth.signin;

import club.icourse.auth.account.AccountRepository;
import club.icourse.shared.account.UsernamePolicy;
import org.springframework.stereotype.Component;

/**
 * Resolves what someone typed into the sign-in name field the same way the password check
 * does, so that everything counted per name is counted per account.
 */
@Component
public class SignInNames {

	private final AccountRepository accounts;

	SignInNames(AccountRepository accounts) {
		this.accounts = accounts;
	}

	public SignInSubject resolve(String typed) {
		String canonical = canonical(typed);
		Long accountId = canonical.isEmpty() ? null
				: accounts.findCredentials(typed).map(credentials -> credentials.account().id()).orElse(null);
		return new SignInSubject(accountId, canonical);
	}

	/**
	 * Trimmed, NFKC-folded, lower-cased: {@code ＢOB} and {@code bob} are one name, and so
	 * are an email and its full-width spelling.
	 */
	static String canonical(String typed) {
		return typed == null ? "" : UsernamePolicy.canonicalKey(typed);
	}

}
