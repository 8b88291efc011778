package club.icourse.auth.clients;

import java.util.List;

/** A definition that breaks the rules; nothing was saved. */
public class ClientRefusedException extends RuntimeException {

	private final List<ClientProblem> problems;

	ClientRefusedException(List<ClientProblem> problems) {
		super("Invalid client: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<ClientProblem> problems() {
		return problems;
	}

}
