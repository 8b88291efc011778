package club.icourse.auth.account;

/**
 * An administrator's action that would do harm or makes no sense for this account:
 * {@code admin.account.refused.<code>}.
 */
public class AccountAdministrationRefusedException extends RuntimeException {

	private final String code;

	AccountAdministrationRefusedException(String code) {
		super(code);
		this.code = code;
	}

	public String messageKey() {
		return "admin.account.refused." + code;
	}

	public String code() {
		return code;
	}

}
