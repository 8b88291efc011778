package club.icourse.reviewapp.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a person submits as their review of a course. Ratings are all given or all absent
 * ("text only"): the overall rating 1-10 (half stars of a 5-star widget), difficulty,
 * homework, grading and gain 1-3. {@code stage} says where the writer stood (one of
 * {@link #STAGES}), or null.
 */
public record ReviewDraft(long courseId, String term, Integer rating, Integer difficulty, Integer homework,
		Integer grading, Integer gain, String content, boolean anonymous, boolean studentsOnly, String stage) {

	public static final int MAX_CONTENT = 20_000;

	/** Taking the course (no exam yet), finished without a grade, grade known. */
	public static final List<String> STAGES = List.of("learning", "examined", "graded");

	/** A draft that does not say at which stage it was written. */
	public ReviewDraft(long courseId, String term, Integer rating, Integer difficulty, Integer homework,
			Integer grading, Integer gain, String content, boolean anonymous, boolean studentsOnly) {
		this(courseId, term, rating, difficulty, homework, grading, gain, content, anonymous, studentsOnly, null);
	}

	public boolean rated() {
		return rating != null;
	}

	/** Problems as field name and message key ({@code review.problem.*}). */
	List<ReviewProblem> problems(List<String> courseTerms) {
		List<ReviewProblem> problems = new ArrayList<>();
		String text = ReviewText.clean(content);
		if (text.isEmpty()) {
			problems.add(new ReviewProblem("content", "content-empty"));
		}
		else if (text.length() > MAX_CONTENT) {
			problems.add(new ReviewProblem("content", "content-long"));
		}
		if (!courseTerms.isEmpty() && (term == null || !courseTerms.contains(term))) {
			problems.add(new ReviewProblem("term", "term"));
		}
		List<Integer> subRatings = new ArrayList<>();
		subRatings.add(difficulty);
		subRatings.add(homework);
		subRatings.add(grading);
		subRatings.add(gain);
		boolean anySub = subRatings.stream().anyMatch(Objects::nonNull);
		boolean allSub = subRatings.stream().allMatch(Objects::nonNull);
		if (rating == null && anySub || rating != null && !allSub) {
			problems.add(new ReviewProblem("rating", "ratings-partial"));
		}
		if (rating != null && (rating < 1 || rating > 10)) {
			problems.add(new ReviewProblem("rating", "rating-range"));
		}
		if (subRatings.stream().anyMatch(value -> value != null && (value < 1 || value > 3))) {
			problems.add(new ReviewProblem("rating", "level-range"));
		}
		if (stage != null && !STAGES.contains(stage)) {
			problems.add(new ReviewProblem("stage", "stage"));
		}
		return problems;
	}
}
