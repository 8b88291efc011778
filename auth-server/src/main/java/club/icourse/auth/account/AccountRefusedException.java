package club.icourse.auth.account;

import java.util.List;

/**
 * The input breaks a rule of accounts (registration, passwords, usernames); nothing was
 * changed. The controller shows the problems on the form.
 */
class AccountRefusedException extends RuntimeException {

	private final List<AccountProblem> problems;

	AccountRefusedException(List<AccountProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	AccountRefusedException(String field, String messageKey) {
		this(List.of(new AccountProblem(field, messageKey)));
	}

	List<AccountProblem> problems() {
		return this.problems;
	}

}
