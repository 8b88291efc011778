package club.icourse.shared;

/** What a person may do beyond using the site. */
public enum Role {
    USER,
    ADMIN;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
