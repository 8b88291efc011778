package club.icourse.auth.registration;

import java.util.List;

/** An initial access token that breaks the rules; nothing was issued. */
public class InitialTokenRefusedException extends RuntimeException {

	private final List<RegistrationProblem> problems;

	InitialTokenRefusedException(List<RegistrationProblem> problems) {
		super("Initial access token refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<RegistrationProblem> problems() {
		return problems;
	}

}
