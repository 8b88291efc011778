package club.icourse.reviewapp.review;

import java.util.List;

/** The review breaks a rule; nothing was saved. */
public class ReviewRefusedException extends RuntimeException {

	private final List<ReviewProblem> problems;

	ReviewRefusedException(List<ReviewProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<ReviewProblem> problems() {
		return problems;
	}

}
