package club.icourse.shared.account;

import club.icourse.shared.account.UsernameCheck.Problem;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a username may be. After trimming: 1 to {@code maxLength} characters (Unicode code
 * points, so {@code 张三} is two); no whitespace; none of {@code @&<>"':/\} nor their
 * full-width forms; nothing invisible (control and format characters such as bidi
 * overrides and zero-width spaces, unassigned, private-use and lone surrogate code
 * points, {@code U+FFFD}, blank-looking fillers); and not reserved.
 *
 * <p>
 * A name is reserved when its {@link #canonicalKey canonical key} equals a reserved
 * name's, or contains a long one: five or more ASCII characters, or three or more of
 * another script. So {@code admin123}, {@code the_administrator}, {@code ecosystem} and
 * {@code 管理员小王} are refused, while the short {@code test}, {@code root} and {@code 匿名}
 * are refused only exactly, leaving {@code contest}, {@code rooted} and {@code 匿名者也}
 * free.
 *
 * @param maxLength at least 1
 * @param reservedNames names nobody may take, in any case or width
 */
public record UsernamePolicy(int maxLength, List<String> reservedNames) {

	public static final int DEFAULT_MAX_LENGTH = 30;

	public static final List<String> DEFAULT_RESERVED_NAMES = List.of("admin", "root", "administrator", "anonymous",
			"test", "example", "system", "support", "moderator", "icourse", "管理员", "匿名", "系统", "客服");

	private static final String FORBIDDEN = "@&<>\"':/\\";

	private static final int CONTAINED_ASCII_MIN_LENGTH = 5;

	private static final int CONTAINED_OTHER_MIN_LENGTH = 3;

	// Letters by category, yet they draw nothing: a name of them looks blank.
	private static final Set<Integer> BLANK_FILLERS = Set.of(0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0);

	public UsernamePolicy {
		if (maxLength < 1) {
			throw new IllegalArgumentException("A username needs room for at least one character: " + maxLength);
		}
		reservedNames = List.copyOf(reservedNames);
		if (reservedNames.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("A reserved username is blank: " + reservedNames);
		}
	}

	/**
	 * {@value #DEFAULT_MAX_LENGTH} characters at most; {@link #DEFAULT_RESERVED_NAMES}
	 * reserved.
	 */
	public static UsernamePolicy defaults() {
		return new UsernamePolicy(DEFAULT_MAX_LENGTH, DEFAULT_RESERVED_NAMES);
	}

	/** The default length limit with these reserved names instead of the defaults. */
	public static UsernamePolicy withReservedNames(List<String> reservedNames) {
		return new UsernamePolicy(DEFAULT_MAX_LENGTH, reservedNames);
	}

	/**
	 * The key under which usernames are unique: trimmed, NFKC-normalized, then
	 * lower-cased ({@link Locale#ROOT}), so {@code Ａｄｍｉｎ} and {@code ADMIN} both are
	 * {@code admin}.
	 */
	public static String canonicalKey(String username) {
		return Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	public UsernameCheck check(String raw) {
		String name = raw == null ? "" : raw.strip();
		if (name.isEmpty()) {
			return UsernameCheck.refused(Problem.EMPTY);
		}
		if (name.codePointCount(0, name.length()) > maxLength) {
			return UsernameCheck.refused(Problem.TOO_LONG);
		}
		Optional<Problem> characterProblem = name.codePoints()
			.mapToObj(UsernamePolicy::problemWith)
			.flatMap(Optional::stream)
			.findFirst();
		if (characterProblem.isPresent()) {
			return UsernameCheck.refused(characterProblem.get());
		}
		if (isReserved(canonicalKey(name))) {
			return UsernameCheck.refused(Problem.RESERVED);
		}
		return UsernameCheck.accepted(name);
	}

	private static Optional<Problem> problemWith(int codePoint) {
		if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
			return Optional.of(Problem.WHITESPACE);
		}
		if (isInvisible(codePoint)) {
			return Optional.of(Problem.INVISIBLE_OR_CONTROL_CHARACTER);
		}
		// NFKC reveals full-width and small forms such as ＠ and ﹤ as what they stand for.
		String compatible = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC);
		if (compatible.chars().anyMatch(c -> FORBIDDEN.indexOf(c) >= 0)) {
			return Optional.of(Problem.FORBIDDEN_CHARACTER);
		}
		return Optional.empty();
	}

	private static boolean isInvisible(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
					Character.SURROGATE ->
				true;
			// U+FFFD stands for bytes that were not valid text.
			default -> codePoint == 0xFFFD || BLANK_FILLERS.contains(codePoint);
		};
	}

	private boolean isReserved(String key) {
		return reservedNames.stream()
			.map(UsernamePolicy::canonicalKey)
			.anyMatch(reserved -> key.equals(reserved) || isRefusedInside(reserved) && key.contains(reserved));
	}

	private static boolean isRefusedInside(String reservedKey) {
		boolean ascii = reservedKey.chars().allMatch(c -> c < 0x80);
		int length = reservedKey.codePointCount(0, reservedKey.length());
		return length >= (ascii ? CONTAINED_ASCII_MIN_LENGTH : CONTAINED_OTHER_MIN_LENGTH);
	}
}
