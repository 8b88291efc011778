package club.icourse.auth.account;

/**
 * No live account has this subject (never had, or deleted): administration answers 404.
 */
public class UnknownAccountException extends RuntimeException {

	public UnknownAccountException(String subject) {
		super("No account " + subject);
	}

}
