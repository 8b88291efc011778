package club.icourse.reviewapp.review;

import java.util.List;
import java.util.Optional;

/**
 * The review form. Ratings arrive as text (empty for "text only"); {@link #toDraft} reads
 * them.
 */
public class ReviewForm {

	private String term;

	private String rating = "";

	private String difficulty = "";

	private String homework = "";

	private String grading = "";

	private String gain = "";

	private String content = "";

	private boolean anonymous;

	private boolean studentsOnly;

	private String stage = "";

	static ReviewForm of(ReviewSnapshot review) {
		ReviewForm form = new ReviewForm();
		form.term = review.term();
		form.rating = text(review.rating());
		form.difficulty = text(review.difficulty());
		form.homework = text(review.homework());
		form.grading = text(review.grading());
		form.gain = text(review.gain());
		form.content = review.content();
		form.anonymous = review.anonymous();
		form.studentsOnly = review.studentsOnly();
		form.stage = text(review.stage());
		return form;
	}

	static ReviewForm of(ReviewDraft draft) {
		ReviewForm form = new ReviewForm();
		form.term = draft.term();
		form.rating = text(draft.rating());
		form.difficulty = text(draft.difficulty());
		form.homework = text(draft.homework());
		form.grading = text(draft.grading());
		form.gain = text(draft.gain());
		form.content = draft.content();
		form.anonymous = draft.anonymous();
		form.studentsOnly = draft.studentsOnly();
		form.stage = text(draft.stage());
		return form;
	}

	/**
	 * An empty form, on the term the writer said they took the course in, else the
	 * newest.
	 */
	static ReviewForm blank(List<String> terms, Optional<String> takenIn) {
		ReviewForm form = new ReviewForm();
		form.term = takenIn.filter(terms::contains).orElse(terms.isEmpty() ? null : terms.getFirst());
		return form;
	}

	/**
	 * The draft, with a value that is not a number read as out of range, so that the
	 * rules refuse it.
	 */
	ReviewDraft toDraft(long courseId) {
		return new ReviewDraft(courseId, term == null || term.isBlank() ? null : term.strip(), number(rating),
				number(difficulty), number(homework), number(grading), number(gain), content, anonymous, studentsOnly,
				stage == null || stage.isBlank() ? null : stage.strip());
	}

	private static Integer number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	public String getTerm() {
		return term;
	}

	public void setTerm(String term) {
		this.term = term;
	}

	public String getRating() {
		return rating;
	}

	public void setRating(String rating) {
		this.rating = rating;
	}

	public String getDifficulty() {
		return difficulty;
	}

	public void setDifficulty(String difficulty) {
		this.difficulty = difficulty;
	}

	public String getHomework() {
		return homework;
	}

	public void setHomework(String homework) {
		this.homework = homework;
	}

	public String getGrading() {
		return grading;
	}

	public void setGrading(String grading) {
		this.grading = grading;
	}

	public String getGain() {
		return gain;
	}

	public void setGain(String gain) {
		this.gain = gain;
	}

	public String getContent() {
		return content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public boolean isAnonymous() {
		return anonymous;
	}

	public void setAnonymous(boolean anonymous) {
		this.anonymous = anonymous;
	}

	public String getStage() {
		return stage;
	}

	public void setStage(String stage) {
		this.stage = stage;
	}

	public boolean isStudentsOnly() {
		return studentsOnly;
	}

	public void setStudentsOnly(boolean studentsOnly) {
		this.studentsOnly = studentsOnly;
	}

}
