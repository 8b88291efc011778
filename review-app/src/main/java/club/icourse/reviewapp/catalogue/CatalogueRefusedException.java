package club.icourse.reviewapp.catalogue;

import java.util.List;

/** A catalogue file that was not imported at all, and every reason why. */
public class CatalogueRefusedException extends RuntimeException {

	private final List<CatalogueProblem> problems;

	CatalogueRefusedException(List<CatalogueProblem> problems) {
		super(problems.size() + " problem(s) in the catalogue file, first: " + problems.getFirst());
		this.problems = List.copyOf(problems);
	}

	public List<CatalogueProblem> problems() {
		return problems;
	}

}
