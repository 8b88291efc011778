package club.icourse.web;

/**
 * Something a request names does not exist, or the person may not know it does: answered
 * with the 404 page by {@link NotFoundAnswer}, whichever controller the request reached.
 */
public abstract class NotFoundException extends RuntimeException {

	protected NotFoundException() {
	}

	protected NotFoundException(String message) {
		super(message);
	}

}
