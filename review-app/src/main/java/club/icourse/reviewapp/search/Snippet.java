package club.icourse.reviewapp.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A short piece of a review around what matched, the matching parts marked. Plain text:
 * the page escapes it.
 */
public final class Snippet {

	private static final int BEFORE = 30;

	private static final int LENGTH = 140;

	public record Part(String text, boolean marked) {
	}

	private Snippet() {
	}

	static List<Part> of(String original, List<String> terms) {
		SearchText.Mapped mapped = SearchText.map(original);
		String text = mapped.text();
		boolean[] marked = new boolean[text.length()];
		int first = -1;
		for (String term : terms) {
			for (int at = text.indexOf(term); at >= 0 && !term.isEmpty(); at = text.indexOf(term, at + 1)) {
				for (int i = at; i < at + term.length(); i++) {
					marked[i] = true;
				}
				first = first < 0 ? at : Math.min(first, at);
			}
		}
		int from = Math.max(0, first - BEFORE);
		int to = Math.min(text.length(), from + LENGTH);
		List<Part> parts = new ArrayList<>();
		if (from > 0) {
			parts.add(new Part("…", false));
		}
		int start = from;
		for (int i = from + 1; i <= to; i++) {
			if (i == to || marked[i] != marked[start]) {
				int originalStart = mapped.origins()[start];
				int originalEnd = i == text.length() ? original.length() : mapped.origins()[i];
				if (originalEnd > originalStart) {
					parts.add(new Part(original.substring(originalStart, originalEnd), marked[start]));
				}
				start = i;
			}
		}
		if (to < text.length()) {
			parts.add(new Part("…", false));
		}
		return parts;
	}

}
