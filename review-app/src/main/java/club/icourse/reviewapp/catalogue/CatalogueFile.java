package club.icourse.reviewapp.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A catalogue file as read and checked: every reference resolves, every key is unique
 * within the file.
 */
record CatalogueFile(List<Department> departments, List<Teacher> teachers, List<Course> courses) {

	record Department(String code, String name) {
	}

	record Teacher(String key, String name, String department) {
	}

	/**
	 * A course: a name and a set of teachers (given in display order), offered in some
	 * terms.
	 */
	record Course(String name, List<String> teachers, String department, List<Offering> terms) {
	}

	/**
	 * One offering of a course: a course code in a term, with its classes. Blank details
	 * are null.
	 */
	record Offering(Term term, String code, BigDecimal credits, Integer hours, String type, String level,
			String department, String description, List<String> classes) {
	}
}
