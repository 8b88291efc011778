package club.icourse.auth.developers;

import club.icourse.web.NotFoundException;

/**
 * No app with this client id that the person may manage (an app someone else owns is
 * unknown to them, not forbidden: its existence is not theirs to learn).
 */
public class UnknownAppException extends NotFoundException {

	UnknownAppException(String clientId) {
		super("No developer app " + clientId);
	}

}
