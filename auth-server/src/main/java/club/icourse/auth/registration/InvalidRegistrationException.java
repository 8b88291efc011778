package club.icourse.auth.registration;

/**
 * A registration request the endpoint refuses, with the error code of RFC 7591 3.2.2
 * ({@code invalid_redirect_uri}, {@code invalid_client_metadata}) and a description for
 * the developer. Nothing was stored.
 */
public class InvalidRegistrationException extends RuntimeException {

	static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";

	static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

	private final String error;

	InvalidRegistrationException(String error, String description) {
		super(description);
		this.error = error;
	}

	static InvalidRegistrationException metadata(String description) {
		return new InvalidRegistrationException(INVALID_CLIENT_METADATA, description);
	}

	public String error() {
		return error;
	}

}
