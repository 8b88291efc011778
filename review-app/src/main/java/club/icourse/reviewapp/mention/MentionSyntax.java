package club.icourse.reviewapp.mention;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where {@code @username} mentions are in a text. Usernames have no whitespace and none
 * of {@code @&<>"':/\}, so a mention followed directly by Chinese text or punctuation
 * ("@张三你好", "@zhang.san。") has no visible end: the longest run of characters after the
 * {@code @} that is a known username wins. An {@code @} right after a letter, digit or
 * {@code . _ -} of the Latin alphabet is part of an email address, not a mention.
 */
public final class MentionSyntax {

	public static final int MAX_USERNAME = 30;

	/** More mentions than this in one text are left as plain text (and notify nobody). */
	public static final int MAX_MENTIONS = 20;

	/** A mention: the characters [start, end) of the text, {@code @} included. */
	public record Span(int start, int end, String username) {
	}

	private MentionSyntax() {
	}

	/**
	 * Every string that could be a mentioned username (all prefixes of each run after an
	 * {@code @}), for one lookup.
	 */
	public static Set<String> candidates(String text) {
		Set<String> candidates = new LinkedHashSet<>();
		for (String run : runs(text)) {
			for (int end = run.offsetByCodePoints(0, 1); end <= run.length(); end = next(run, end)) {
				candidates.add(run.substring(0, end));
			}
		}
		return candidates;
	}

	/**
	 * The mentions of usernames that {@code known} accepts (it receives lower-case
	 * names), in order.
	 */
	public static List<Span> spans(String text, Predicate<String> known) {
		List<Span> spans = new ArrayList<>();
		int from = 0;
		while (spans.size() < MAX_MENTIONS) {
			int at = text.indexOf('@', from);
			if (at < 0) {
				break;
			}
			from = at + 1;
			if (emailLike(text, at)) {
				continue;
			}
			String run = run(text, at + 1);
			for (int end = run.length(); end > 0; end = run.offsetByCodePoints(end, -1)) {
				String name = run.substring(0, end);
				if (known.test(name.toLowerCase(Locale.ROOT))) {
					spans.add(new Span(at, at + 1 + end, name));
					from = at + 1 + end;
					break;
				}
			}
		}
		return spans;
	}

	private static List<String> runs(String text) {
		List<String> runs = new ArrayList<>();
		int from = 0;
		while (runs.size() < MAX_MENTIONS) {
			int at = text.indexOf('@', from);
			if (at < 0) {
				break;
			}
			from = at + 1;
			if (!emailLike(text, at)) {
				String run = run(text, at + 1);
				if (!run.isEmpty()) {
					runs.add(run);
				}
			}
		}
		return runs;
	}

	private static String run(String text, int start) {
		int end = start;
		int count = 0;
		while (end < text.length() && count < MAX_USERNAME) {
			int c = text.codePointAt(end);
			if (!usernameCharacter(c)) {
				break;
			}
			end += Character.charCount(c);
			count++;
		}
		return text.substring(start, end);
	}

	private static boolean usernameCharacter(int c) {
		return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && "@&<>\"':/\\".indexOf(c) < 0
				&& !Character.isISOControl(c);
	}

	private static boolean emailLike(String text, int at) {
		if (at == 0) {
			return false;
		}
		char before = text.charAt(at - 1);
		return before < 128 && (Character.isLetterOrDigit(before) || before == '.' || before == '_' || before == '-');
	}

	private static int next(String run, int end) {
		return end == run.length() ? end + 1 : run.offsetByCodePoints(end, 1);
	}

}
