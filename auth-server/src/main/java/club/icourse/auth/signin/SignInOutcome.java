package club.icourse.auth.signin;

/** How a sign-in attempt ended, as recorded in the sign-in history. */
public enum SignInOutcome {

	SUCCESS,
	/** Signed in by following the link that confirmed the address. */
	SUCCESS_BY_CONFIRMATION_LINK, BAD_CREDENTIALS, EMAIL_NOT_CONFIRMED, TOO_MANY_FAILURES

}
