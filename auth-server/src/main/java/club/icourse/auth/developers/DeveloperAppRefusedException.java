package club.icourse.auth.developers;

import club.icourse.auth.clients.ClientProblem;
import java.util.List;

/**
 * A portal change that breaks the rules (the client's own, or the portal's); nothing was
 * changed. Each problem names the form field at fault and a message key.
 */
public class DeveloperAppRefusedException extends RuntimeException {

	private final List<ClientProblem> problems;

	DeveloperAppRefusedException(List<ClientProblem> problems) {
		super("Refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	DeveloperAppRefusedException(String field, String code) {
		this(List.of(new ClientProblem(field, code, null)));
	}

	public List<ClientProblem> problems() {
		return problems;
	}

}
