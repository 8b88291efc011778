package club.icourse.auth.registration;

import club.icourse.web.NotFoundException;

/**
 * No initial access token with this id that the person owns (someone else's is unknown to
 * them, not forbidden).
 */
class UnknownInitialTokenException extends NotFoundException {

	UnknownInitialTokenException(long id) {
		super("No initial access token " + id + " of this person");
	}

}
