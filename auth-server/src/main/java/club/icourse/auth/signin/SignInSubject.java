package club.icourse.auth.signin;

/**
 * Whom a typed sign-in name is about, for counting attempts: the account when the name
 * resolves to one (its email, its username, or any spelling that folds to either), and
 * otherwise the folded name. Limits and back-off keyed on this cannot be dodged by typing
 * one account's name several ways.
 *
 * @param accountId the live account the name resolves to, or {@code null}
 * @param canonicalName the name trimmed, NFKC-folded and lower-cased
 */
public record SignInSubject(Long accountId, String canonicalName) {

	/** The key of this subject's rate-limit bucket. */
	public String limitKey() {
		return accountId != null ? "account:" + accountId : "name:" + canonicalName;
	}

}
