package club.icourse.shared;

/** What a person may do: every account is a {@code USER}; some are also {@code ADMIN}. */
public enum Role {

	USER, ADMIN;

	/** The Spring Security authority name: {@code ROLE_USER} or {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
