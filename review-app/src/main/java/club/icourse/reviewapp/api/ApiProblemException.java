package club.icourse.reviewapp.api;

/** A request the API refuses with one of its own problems. */
class ApiProblemException extends RuntimeException {

	private final ApiProblem problem;

	ApiProblemException(ApiProblem problem) {
		super(problem.name());
		this.problem = problem;
	}

	ApiProblem problem() {
		return problem;
	}

}
