package club.icourse.reviewapp.catalogue;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A term of the academic calendar. Canonical form {@code 2025-spring},
 * {@code 2025-summer}, {@code 2025-autumn}; the university's own codes are also read:
 * {@code 20252} is the second term of academic year 2025-26, i.e. spring 2026 (1 autumn,
 * 2 spring, 3 summer).
 */
record Term(int year, Season season) {

	enum Season {

		SPRING, SUMMER, AUTUMN;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final Pattern CANONICAL = Pattern.compile("(\\d{4})-(spring|summer|autumn)");

	private static final Pattern UNIVERSITY = Pattern.compile("(\\d{4})([123])");
	static final int FIRST_YEAR = 1958;
	static final int LAST_YEAR = 2100;

	static Optional<Term> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip().toLowerCase(Locale.ROOT);
		Matcher canonical = CANONICAL.matcher(value);
		Term term = null;
		if (canonical.matches()) {
			term = new Term(Integer.parseInt(canonical.group(1)),
					Season.valueOf(canonical.group(2).toUpperCase(Locale.ROOT)));
		}
		Matcher university = UNIVERSITY.matcher(value);
		if (university.matches()) {
			int academicYear = Integer.parseInt(university.group(1));
			term = switch (university.group(2)) {
				case "1" -> new Term(academicYear, Season.AUTUMN);
				case "2" -> new Term(academicYear + 1, Season.SPRING);
				default -> new Term(academicYear + 1, Season.SUMMER);
			};
		}
		return Optional.ofNullable(term).filter(t -> t.year >= FIRST_YEAR && t.year <= LAST_YEAR);
	}

	String code() {
		return year + "-" + season.label();
	}

	/** Sorts terms in time: year * 10 + 1 (spring), 2 (summer), 3 (autumn). */
	int order() {
		return year * 10 + season.ordinal() + 1;
	}
}
