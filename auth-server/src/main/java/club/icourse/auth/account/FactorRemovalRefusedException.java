package club.icourse.auth.account;

/**
 * Removing a factor without the checks the console states: the administrator must confirm
 * that they checked it is the person asking, and record how and why (at most
 * {@value AccountAdministration#REASON_LENGTH} characters). Nothing is changed.
 */
public class FactorRemovalRefusedException extends RuntimeException {

	FactorRemovalRefusedException() {
		super("Confirm the identity check and give a reason");
	}

	public String messageKey() {
		return "admin.account.refused.factor-checks";
	}

}
