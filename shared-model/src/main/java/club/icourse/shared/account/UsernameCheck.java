package club.icourse.shared.account;

/**
 * The verdict on a proposed username.
 *
 * @param username the name as it will be stored (trimmed), when it is acceptable
 * @param problem why it is not, otherwise
 */
public record UsernameCheck(String username, Problem problem) {

    public enum Problem { EMPTY, TOO_LONG, WHITESPACE, FORBIDDEN_CHARACTER, INVISIBLE_OR_CONTROL_CHARACTER, RESERVED }

    static UsernameCheck accepted(String username) {
        return new UsernameCheck(username, null);
    }

    static UsernameCheck refused(Problem problem) {
        return new UsernameCheck(null, problem);
    }

    public boolean ok() {
        return problem == null;
    }
}
