package club.icourse.reviewapp.catalogue;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Natural keys as the database compares them. The review database's collation
 * (utf8mb4_uca1400_ai_ci) ignores case, accents and the width of characters, so
 * {@code 数学分析（B1）} and {@code 数学分析(b1)} are one course name there: the import must match
 * them as one too, or it would insert what the unique keys then refuse.
 */
final class Keys {

	private Keys() {
	}

	static String fold(String text) {
		String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
		return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
