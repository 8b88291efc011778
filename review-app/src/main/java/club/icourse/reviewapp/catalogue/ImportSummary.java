package club.icourse.reviewapp.catalogue;

/**
 * What one import changed. Importing the same file again gives only unchanged courses.
 */
public record ImportSummary(int departmentsAdded, int departmentsUpdated, int teachersAdded, int teachersUpdated,
		int coursesAdded, int coursesUpdated, int coursesUnchanged, int termsAdded, int termsUpdated) {

	public boolean changedNothing() {
		return departmentsAdded + departmentsUpdated + teachersAdded + teachersUpdated + coursesAdded + coursesUpdated
				+ termsAdded + termsUpdated == 0;
	}

	@Override
	public String toString() {
		return "courses: %d added, %d updated, %d unchanged; terms: %d added, %d updated; teachers: %d added, %d updated; departments: %d added, %d updated"
			.formatted(coursesAdded, coursesUpdated, coursesUnchanged, termsAdded, termsUpdated, teachersAdded,
					teachersUpdated, departmentsAdded, departmentsUpdated);
	}
}
