package club.icourse.reviewapp.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin spellings of a name, full (shuxuefenxi) and initials (sxfx), for every reading
 * of polyphonic characters (单 as dan, shan and chan). Each spelling is given from every
 * character on, so that a prefix search finds a spelling that starts anywhere in the name
 * ("fenxi" finds 数学分析).
 */
final class Pinyin {

	/**
	 * Enough for any real name; a name of many polyphonic characters would otherwise
	 * explode.
	 */
	private static final int MAX_SPELLINGS = 64;

	private static final int MAX_CHARS = 16;

	private static final HanyuPinyinOutputFormat FORMAT = format();

	record Spellings(Set<String> full, Set<String> initials) {
	}

	private Pinyin() {
	}

	private static HanyuPinyinOutputFormat format() {
		HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
		format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		format.setVCharType(HanyuPinyinVCharType.WITH_V);
		format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		return format;
	}

	static Spellings of(String normalized) {
		List<List<String>> syllables = new ArrayList<>();
		for (String unit : SearchText.characters(normalized)) {
			if (syllables.size() == MAX_CHARS) {
				break;
			}
			syllables.add(readings(unit));
		}
		Set<String> full = new LinkedHashSet<>();
		Set<String> initials = new LinkedHashSet<>();
		for (int start = 0; start < syllables.size(); start++) {
			for (List<String> spelling : combinations(syllables.subList(start, syllables.size()))) {
				full.add(String.join("", spelling));
				StringBuilder first = new StringBuilder();
				spelling.forEach(syllable -> first.append(syllable.charAt(0)));
				initials.add(first.toString());
			}
		}
		return new Spellings(full, initials);
	}

	/**
	 * What a query looks like when it may be pinyin: letters only (spaces and apostrophes
	 * between syllables).
	 */
	static String asQuery(String normalizedQuery) {
		String compact = normalizedQuery.replaceAll("[\\s'’]", "");
		return compact.length() >= 2 && compact.matches("[a-z]+") ? compact.replace('ü', 'v') : null;
	}

	private static List<String> readings(String unit) {
		if (unit.length() != 1 || !SearchText.isHan(unit.charAt(0))) {
			return List.of(unit);
		}
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(unit.charAt(0), FORMAT);
			if (readings == null || readings.length == 0) {
				return List.of(unit);
			}
			return List.copyOf(new LinkedHashSet<>(List.of(readings)));
		}
		catch (BadHanyuPinyinOutputFormatCombination e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<List<String>> combinations(List<List<String>> syllables) {
		List<List<String>> spellings = new ArrayList<>();
		spellings.add(List.of());
		for (List<String> choices : syllables) {
			List<List<String>> longer = new ArrayList<>();
			for (List<String> prefix : spellings) {
				for (String choice : choices) {
					if (longer.size() == MAX_SPELLINGS) {
						break;
					}
					List<String> spelling = new ArrayList<>(prefix);
					spelling.add(choice);
					longer.add(spelling);
				}
			}
			spellings = longer;
		}
		return spellings;
	}

}
