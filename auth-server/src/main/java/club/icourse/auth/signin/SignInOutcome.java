package club.icourse.auth.signin;

/** How a sign-in attempt ended, as recorded in the sign-in history. */
public enum SignInOutcome {

	SUCCESS,
	/** Signed in by following the link that confirmed the address. */
	SUCCESS_BY_CONFIRMATION_LINK,
	/** Signed in with a passkey. */
	SUCCESS_BY_PASSKEY, BAD_CREDENTIALS,
	/**
	 * A passkey assertion refused (wrong site, another account's, a bad signature):
	 * counts toward the back-off as a wrong password does.
	 */
	PASSKEY_REFUSED, EMAIL_NOT_CONFIRMED, TOO_MANY_FAILURES,
	/** The password was right; the second step was asked for (not yet a success). */
	PASSWORD_ACCEPTED,
	/** A wrong, replayed or used-up code at the second step: counted as a failure. */
	BAD_CODE,
	/**
	 * Not an attempt: an administrator lifted the back-off; earlier failures no longer
	 * count.
	 */
	BACKOFF_CLEARED

}
