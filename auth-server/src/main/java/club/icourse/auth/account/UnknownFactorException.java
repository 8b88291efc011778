package club.icourse.auth.account;

/** The account holds no factor by this id (any more): administration answers 404. */
public class UnknownFactorException extends RuntimeException {

	UnknownFactorException(String id) {
		super("No factor " + id);
	}

}
