package club.icourse.reviewapp.course;

import java.math.BigDecimal;
import java.util.List;

/**
 * A course as its page shows it: the latest term's details and the figures of its
 * reviews.
 *
 * @param terms the terms it was offered in, newest first
 */
public record CourseDetails(long id, String name, List<TeacherName> teachers, String department, LatestTerm latest,
		String introduction, String homepage, List<String> terms, Figures figures) {

	public record TeacherName(long id, String name) {
	}

	/**
	 * The details of the newest offering (null fields when the catalogue did not give
	 * them).
	 */
	public record LatestTerm(String term, String courseCode, BigDecimal credits, Integer hours, String courseType,
			String level, String description) {
	}

	/** Averages are over the visible rated reviews; null when there is none. */
	public record Figures(int reviewCount, int ratedCount, Double averageRating, Double difficulty, Double homework,
			Double grading, Double gain, double normalizedRating, int upvotes, int downvotes, int blockedCount,
			int deletedCount, int follows) {

		/** The rating as stars out of five (the rating is out of ten). */
		public Double stars() {
			return averageRating == null ? null : averageRating / 2;
		}

		/**
		 * The level (1 to 3) nearest to an average sub-rating, to name it with the words
		 * of a single review.
		 */
		public int level(double average) {
			return (int) Math.max(1, Math.min(3, Math.round(average)));
		}
	}
}
