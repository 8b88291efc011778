package club.icourse.shared.account;

/**
 * The verdict of {@link UsernamePolicy#check}: either an acceptable username or the
 * problem with it.
 *
 * @param username the name as it will be stored and shown (trimmed), when acceptable;
 * otherwise null
 * @param problem why the name is refused; null when it is acceptable
 */
public record UsernameCheck(String username, Problem problem) {

	/** Why a username is refused. */
	public enum Problem {

		EMPTY, TOO_LONG, WHITESPACE, FORBIDDEN_CHARACTER, INVISIBLE_OR_CONTROL_CHARACTER, RESERVED

	}

	public UsernameCheck {
		if ((username == null) == (problem == null)) {
			throw new IllegalArgumentException("A username check has either a username or a problem");
		}
	}

	static UsernameCheck accepted(String username) {
		return new UsernameCheck(username, null);
	}

	static UsernameCheck refused(Problem problem) {
		return new UsernameCheck(null, problem);
	}

	public boolean ok() {
		return problem == null;
	}
}
