package club.icourse.shared.school;

import club.icourse.shared.Affiliation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schools whose people may register, and which school and affiliation an address
 * proves.
 *
 * <p>
 * An address proves something only as a whole: a plain ASCII {@code local@domain} whose
 * domain is exactly a configured one, so {@code a@mail.ustc.edu.cn.evil.com},
 * {@code a@evil.mail.ustc.edu.cn}, look-alike letters and anything that would need
 * quoting prove nothing.
 */
public final class SchoolDirectory {

	/**
	 * A conservative dot-atom: what university mail systems hand out, nothing that needs
	 * quoting.
	 */
	private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9_+\\-]+(\\.[A-Za-z0-9_+\\-]+)*");

	private static final int MAX_LOCAL_PART = 64;

	private static final int MAX_ADDRESS = 254;

	private final List<School> schools;

	private final Map<String, Match> byDomain;

	private record Match(School school, Affiliation affiliation) {
	}

	private SchoolDirectory(List<School> schools, Map<String, Match> byDomain) {
		this.schools = schools;
		this.byDomain = byDomain;
	}

	/**
	 * A directory of these schools; refuses none, a school id twice, or a domain claimed
	 * by two schools.
	 */
	public static SchoolDirectory of(List<School> schools) {
		if (schools.isEmpty()) {
			throw new IllegalArgumentException("Configure at least one school, or nobody can register");
		}
		Map<String, Match> byDomain = new HashMap<>();
		Map<String, School> byId = new HashMap<>();
		for (School school : schools) {
			if (byId.put(school.id(), school) != null) {
				throw new IllegalArgumentException("Two schools have the id " + school.id());
			}
			for (EmailDomainRule rule : school.rules()) {
				if (byDomain.put(rule.domain(), new Match(school, rule.affiliation())) != null) {
					throw new IllegalArgumentException("The domain " + rule.domain() + " is configured twice");
				}
			}
		}
		return new SchoolDirectory(List.copyOf(schools), Map.copyOf(byDomain));
	}

	/**
	 * USTC alone: {@code mail.ustc.edu.cn} for students, {@code ustc.edu.cn} for
	 * teachers.
	 */
	public static SchoolDirectory ustc() {
		return of(List
			.of(new School("ustc", "中国科学技术大学", List.of(new EmailDomainRule("mail.ustc.edu.cn", Affiliation.STUDENT),
					new EmailDomainRule("ustc.edu.cn", Affiliation.TEACHER)))));
	}

	/** The schools in configuration order. */
	public List<School> schools() {
		return schools;
	}

	/**
	 * The school and affiliation an address proves. Surrounding ASCII whitespace is
	 * ignored; otherwise the address must be a dot-atom mailbox (letters, digits,
	 * {@code . _ - +}) of at most 64 characters, one {@code @}, and a configured domain
	 * in any letter case, at most 254 characters in all.
	 */
	public Optional<UniversityEmail> classify(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String address = stripAsciiWhitespace(raw);
		// Checked before any case folding: toLowerCase would turn the Kelvin sign into an
		// ASCII 'k'.
		if (address.isEmpty() || address.length() > MAX_ADDRESS || !isVisibleAscii(address)) {
			return Optional.empty();
		}
		int at = address.indexOf('@');
		if (at <= 0 || at != address.lastIndexOf('@')) {
			return Optional.empty();
		}
		String localPart = address.substring(0, at);
		if (localPart.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(localPart).matches()) {
			return Optional.empty();
		}
		String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
		Match match = byDomain.get(domain);
		if (match == null) {
			return Optional.empty();
		}
		String normalizedLocalPart = localPart.toLowerCase(Locale.ROOT);
		return Optional.of(new UniversityEmail(normalizedLocalPart + "@" + domain, normalizedLocalPart, match.school(),
				match.affiliation()));
	}

	/**
	 * For a mailbox name typed without a domain, the normalized full addresses it could
	 * be, one per configured domain that would {@link #classify classify}; empty once the
	 * input contains an {@code @}.
	 */
	public List<String> completions(String mailboxPrefix) {
		if (mailboxPrefix == null || mailboxPrefix.contains("@")) {
			return List.of();
		}
		String mailbox = stripAsciiWhitespace(mailboxPrefix);
		return schools.stream()
			.flatMap(school -> school.rules().stream())
			.flatMap(rule -> classify(mailbox + "@" + rule.domain()).stream())
			.map(UniversityEmail::address)
			.toList();
	}

	private static String stripAsciiWhitespace(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isAsciiWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && isAsciiWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * ASCII whitespace as HTML defines it: what a pasted form value may carry around it.
	 */
	private static boolean isAsciiWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
	}

	private static boolean isVisibleAscii(String text) {
		return text.chars().allMatch(c -> c > ' ' && c < 0x7f);
	}

}
