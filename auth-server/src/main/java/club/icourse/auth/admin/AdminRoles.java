package club.icourse.auth.admin;

import club.icourse.shared.Role;
import java.util.Locale;

/** A role named in an administrator's request. */
final class AdminRoles {

	/** No such role: a 400 with a plain message. */
	static class UnknownRoleException extends RuntimeException {

		UnknownRoleException(String role) {
			super("No role " + role);
		}

	}

	static Role parse(String role) {
		try {
			return Role.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new UnknownRoleException(role);
		}
	}

	private AdminRoles() {
	}

}
