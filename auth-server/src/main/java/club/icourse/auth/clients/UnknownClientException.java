package club.icourse.auth.clients;

/** No client has this id. */
public class UnknownClientException extends RuntimeException {

	public UnknownClientException(String clientId) {
		super("No client " + clientId);
	}

}
