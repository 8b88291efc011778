package club.icourse.shared.account;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * What a username may be: 1 to {@code maxLength} characters (Unicode code points), no whitespace, none of
 * {@code @&<>"':/\}, nothing invisible (control, format such as bidi overrides and zero-width characters, unassigned,
 * private-use), and not a reserved name.
 *
 * <p>A name is reserved when its {@link #canonicalKey canonical key} equals a reserved name's, or contains a long
 * reserved name (five or more Latin characters, or three or more of another script): {@code admin123},
 * {@code the_administrator} and {@code 管理员小王} are refused, while short ones such as {@code test}, {@code root} or
 * {@code 匿名} are refused only exactly, so that {@code contest} stays possible.
 */
public final class UsernamePolicy {

    public static final int DEFAULT_MAX_LENGTH = 30;
    public static final List<String> DEFAULT_RESERVED = List.of("admin", "root", "administrator", "anonymous", "test",
            "example", "system", "support", "moderator", "icourse", "管理员", "匿名", "系统", "客服");
    private static final String FORBIDDEN = "@&<>\"':/\\";
    private static final int CONTAINED_LATIN_MIN_LENGTH = 5;
    private static final int CONTAINED_OTHER_MIN_LENGTH = 3;

    private final int maxLength;
    private final List<String> reservedKeys;

    private UsernamePolicy(int maxLength, List<String> reservedNames) {
        this.maxLength = maxLength;
        this.reservedKeys = reservedNames.stream().map(UsernamePolicy::canonicalKey).toList();
    }

    public static UsernamePolicy defaults() {
        return new UsernamePolicy(DEFAULT_MAX_LENGTH, DEFAULT_RESERVED);
    }

    public static UsernamePolicy withReservedNames(List<String> reservedNames) {
        return new UsernamePolicy(DEFAULT_MAX_LENGTH, List.copyOf(reservedNames));
    }

    /** The key under which names are unique: NFKC-normalized and lower-cased, so {@code ＡＤＭＩＮ} is {@code admin}. */
    public static String canonicalKey(String username) {
        return Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public UsernameCheck check(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            return UsernameCheck.refused(UsernameCheck.Problem.EMPTY);
        }
        if (name.codePointCount(0, name.length()) > maxLength) {
            return UsernameCheck.refused(UsernameCheck.Problem.TOO_LONG);
        }
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                return UsernameCheck.refused(UsernameCheck.Problem.WHITESPACE);
            }
            if (FORBIDDEN.indexOf(codePoint) >= 0) {
                return UsernameCheck.refused(UsernameCheck.Problem.FORBIDDEN_CHARACTER);
            }
            if (isInvisible(codePoint)) {
                return UsernameCheck.refused(UsernameCheck.Problem.INVISIBLE_OR_CONTROL_CHARACTER);
            }
            i += Character.charCount(codePoint);
        }
        if (isReserved(canonicalKey(name))) {
            return UsernameCheck.refused(UsernameCheck.Problem.RESERVED);
        }
        return UsernameCheck.accepted(name);
    }

    private boolean isReserved(String key) {
        return reservedKeys.stream().anyMatch(reserved -> key.equals(reserved) || isLong(reserved) && key.contains(reserved));
    }

    private static boolean isLong(String reserved) {
        boolean latin = reserved.chars().allMatch(c -> c < 0x80);
        return reserved.codePointCount(0, reserved.length()) >= (latin ? CONTAINED_LATIN_MIN_LENGTH : CONTAINED_OTHER_MIN_LENGTH);
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE -> true;
            // U+FFFD stands for bytes that were not valid text.
            default -> codePoint == 0xFFFD;
        };
    }
}
