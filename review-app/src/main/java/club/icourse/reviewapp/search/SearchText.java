package club.icourse.reviewapp.search;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The one normalisation that query and indexed text both go through, character by
 * character so that positions in the normalised text map back to the original (for
 * snippets): NFKC (full-width to half-width), case folding, traditional to simplified
 * Chinese. And the tokens the index is made of: CJK character bigrams (a lone CJK
 * character stands as itself) and runs of letters and digits.
 */
final class SearchText {

	static final int MAX_QUERY = 100;

	/**
	 * What each BMP character becomes; null where it stays as it is. Built once: lookups
	 * are then free.
	 */
	private static final String[] TABLE = table();

	private SearchText() {
	}

	private static String[] table() {
		Transliterator simplified = Transliterator.getInstance("Traditional-Simplified");
		String[] table = new String[0x10000];
		for (int c = 0; c < 0x10000; c++) {
			if (Character.isSurrogate((char) c)) {
				continue;
			}
			String original = String.valueOf((char) c);
			String mapped = Normalizer.normalize(original, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
			if (isHan(c)) {
				mapped = simplified.transliterate(mapped);
			}
			if (!mapped.equals(original)) {
				table[c] = mapped;
			}
		}
		return table;
	}

	/**
	 * The normalised text, and for each of its chars the index of the original char it
	 * came from.
	 */
	record Mapped(String text, int[] origins) {
	}

	static String normalize(String text) {
		return map(text).text();
	}

	static Mapped map(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int[] origins = new int[text.length() * 2 + 4];
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String mapped = TABLE[c];
			int start = out.length();
			if (mapped == null) {
				out.append(c);
			}
			else {
				out.append(mapped);
			}
			for (int j = start; j < out.length(); j++) {
				if (j >= origins.length) {
					origins = Arrays.copyOf(origins, origins.length * 2);
				}
				origins[j] = i;
			}
		}
		return new Mapped(out.toString(), Arrays.copyOf(origins, out.length()));
	}

	/**
	 * A query as typed, normalised: blank-collapsed, at most 100 chars, a trailing 老师 /
	 * 教授 (teacher) dropped.
	 */
	static String query(String typed) {
		if (typed == null) {
			return "";
		}
		String text = typed.length() > MAX_QUERY * 4 ? typed.substring(0, MAX_QUERY * 4) : typed;
		text = normalize(text).replaceAll("\\s+", " ").strip();
		text = text.replaceFirst("\\s*(老师|教授)$", "").strip();
		return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY).strip() : text;
	}

	static boolean isHan(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	static boolean isWordChar(int c) {
		return Character.isLetterOrDigit(c) && !isHan(c);
	}

	/**
	 * Whether the text has something to search for: a CJK character, a letter or a digit.
	 */
	static boolean searchable(String normalized) {
		return normalized.codePoints().anyMatch(c -> isHan(c) || isWordChar(c));
	}

	/**
	 * Index and query tokens in order: bigrams of each CJK run (a one-character run as
	 * itself), and words.
	 */
	static List<String> tokens(String normalized) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		int length = normalized.length();
		while (i < length) {
			char c = normalized.charAt(i);
			if (isHan(c)) {
				int end = runEnd(normalized, i, SearchText::isHan);
				if (end - i == 1) {
					tokens.add(normalized.substring(i, end));
				}
				for (int j = i; j + 1 < end; j++) {
					tokens.add(normalized.substring(j, j + 2));
				}
				i = end;
			}
			else if (isWordChar(c)) {
				int end = runEnd(normalized, i, SearchText::isWordChar);
				tokens.add(normalized.substring(i, end));
				i = end;
			}
			else {
				i++;
			}
		}
		return tokens;
	}

	/**
	 * Each CJK character and each word on its own, for one-character queries and
	 * abbreviations.
	 */
	static List<String> characters(String normalized) {
		List<String> characters = new ArrayList<>();
		int i = 0;
		while (i < normalized.length()) {
			char c = normalized.charAt(i);
			if (isHan(c)) {
				characters.add(String.valueOf(c));
				i++;
			}
			else if (isWordChar(c)) {
				int end = runEnd(normalized, i, SearchText::isWordChar);
				characters.add(normalized.substring(i, end));
				i = end;
			}
			else {
				i++;
			}
		}
		return characters;
	}

	/**
	 * The text with one character left out, each way (for one-edit matching of short
	 * names).
	 */
	static Set<String> deletions(String text) {
		Set<String> deletions = new LinkedHashSet<>();
		for (int i = 0; i < text.length(); i++) {
			deletions.add(text.substring(0, i) + text.substring(i + 1));
		}
		return deletions;
	}

	/** Where the run of characters of one kind that starts at {@code from} ends. */
	private static int runEnd(String text, int from, IntPredicate kind) {
		int end = from;
		while (end < text.length() && kind.test(text.charAt(end))) {
			end++;
		}
		return end;
	}

	/**
	 * The CJK characters of the text in order, without anything else (for abbreviations
	 * and fuzzy matching).
	 */
	static String han(String normalized) {
		StringBuilder han = new StringBuilder();
		normalized.chars().filter(SearchText::isHan).forEach(c -> han.append((char) c));
		return han.toString();
	}

}
