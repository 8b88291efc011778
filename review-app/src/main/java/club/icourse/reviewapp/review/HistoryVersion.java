package club.icourse.reviewapp.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One entry of a review's history with what it changed from the entry before: the term,
 * the stage, each rating (a rating change is otherwise invisible) and whether the text
 * changed.
 *
 * @param changes the fields that differ, in the order the review form asks them
 */
public record HistoryVersion(ReviewHistory.Entry entry, List<Change> changes, boolean textChanged) {

	/**
	 * A field's value before and after: {@code term} (a term code), {@code stage} (one of
	 * {@link ReviewDraft#STAGES}), {@code rating} (out of ten), or a sub-rating named as
	 * its message key ({@code difficulty}: 1 to 3); null for "not rated" or "not said".
	 */
	public record Change(String field, Object before, Object after) {

		/** The message key of the field's name. */
		public String labelKey() {
			return switch (field) {
				case "term" -> "course.term";
				case "rating" -> "review.rating";
				default -> "review." + field;
			};
		}
	}

	private static final List<Field> FIELDS = List.of(new Field("term", ReviewSnapshot::term),
			new Field("stage", ReviewSnapshot::stage), new Field("rating", ReviewSnapshot::rating),
			new Field("difficulty", ReviewSnapshot::difficulty), new Field("homework", ReviewSnapshot::homework),
			new Field("grading", ReviewSnapshot::grading), new Field("gain", ReviewSnapshot::gain));

	private record Field(String name, Function<ReviewSnapshot, Object> value) {
	}

	/** The entries, oldest first, each compared with the one before it. */
	static List<HistoryVersion> of(List<ReviewHistory.Entry> entries) {
		List<HistoryVersion> versions = new ArrayList<>();
		ReviewSnapshot previous = null;
		for (ReviewHistory.Entry entry : entries) {
			ReviewSnapshot now = entry.snapshot();
			List<Change> changes = new ArrayList<>();
			boolean textChanged = false;
			if (previous != null) {
				for (Field field : FIELDS) {
					Object before = field.value().apply(previous);
					Object after = field.value().apply(now);
					if (!Objects.equals(before, after)) {
						changes.add(new Change(field.name(), before, after));
					}
				}
				textChanged = !Objects.equals(previous.content(), now.content());
			}
			versions.add(new HistoryVersion(entry, List.copyOf(changes), textChanged));
			previous = now;
		}
		return versions;
	}

}
