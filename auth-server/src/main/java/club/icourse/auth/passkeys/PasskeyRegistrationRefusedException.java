package club.icourse.auth.passkeys;

/**
 * A passkey that is not registered, with the message key that says why (answered as 400
 * by {@link PasskeyRegistrationRefusals}).
 */
class PasskeyRegistrationRefusedException extends RuntimeException {

	private final String messageKey;

	PasskeyRegistrationRefusedException(String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return messageKey;
	}

}
