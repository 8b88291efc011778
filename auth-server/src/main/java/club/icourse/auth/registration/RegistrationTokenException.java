package club.icourse.auth.registration;

/**
 * No valid initial access token (registration) or registration access token (reading,
 * changing or deleting a registration): answered 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750 3.1, RFC 7592 2).
 */
public class RegistrationTokenException extends RuntimeException {

	RegistrationTokenException(String message) {
		super(message);
	}

}
