package club.icourse.auth.signin;

import org.springframework.security.authentication.AccountStatusException;

/** The password was right, but the address has not been confirmed yet. */
class EmailNotConfirmedException extends AccountStatusException {

	EmailNotConfirmedException() {
		super("Email address not confirmed");
	}

}
