package club.icourse.auth.signin;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A passkey assertion that does not sign anyone in, with the account it was about (when
 * its credential is known here), so that the refusal counts toward that account's
 * back-off, and the message key that says why.
 */
class PasskeyRefusedException extends BadCredentialsException {

	private final Long accountId;

	private final String messageKey;

	PasskeyRefusedException(Long accountId, String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.accountId = accountId;
		this.messageKey = messageKey;
	}

	Long accountId() {
		return accountId;
	}

	String messageKey() {
		return messageKey;
	}

}
