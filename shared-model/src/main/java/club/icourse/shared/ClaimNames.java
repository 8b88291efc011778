package club.icourse.shared;

/** The OpenID Connect claim and scope names the identity provider and its clients agree on. */
public final class ClaimNames {

    /** Scope that releases {@link #SCHOOL} and {@link #AFFILIATION}. */
    public static final String SCHOOL_SCOPE = "school";
    /** The school's id, e.g. {@code ustc}. */
    public static final String SCHOOL = "school";
    /** {@code student} or {@code teacher}: see {@link Affiliation#claimValue()}. */
    public static final String AFFILIATION = "affiliation";
    public static final String PREFERRED_USERNAME = "preferred_username";
    /** Role names ({@code USER}, {@code ADMIN}), released to first-party clients only. */
    public static final String ROLES = "roles";

    private ClaimNames() {
    }
}
