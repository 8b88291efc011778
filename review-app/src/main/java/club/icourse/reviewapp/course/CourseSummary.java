package club.icourse.reviewapp.course;

import java.util.List;

/** A course in a list: enough to choose it. */
public record CourseSummary(long id, String name, List<String> teachers, String department, String latestTerm,
		String courseCode, int reviewCount, Double averageRating, double normalizedRating) {
}
