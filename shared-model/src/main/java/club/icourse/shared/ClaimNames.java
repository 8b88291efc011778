package club.icourse.shared;

/**
 * The OpenID Connect claim names the identity provider releases and the review app reads.
 */
public final class ClaimNames {

	/**
	 * The school's id, e.g. {@code ustc}; released with the {@link Scopes#SCHOOL school}
	 * scope.
	 */
	public static final String SCHOOL = "school";

	/**
	 * {@code student} or {@code teacher} (see {@link Affiliation#claimValue()}); released
	 * with the {@link Scopes#SCHOOL school} scope.
	 */
	public static final String AFFILIATION = "affiliation";

	/**
	 * The display name, as accepted by
	 * {@link club.icourse.shared.account.UsernamePolicy}.
	 */
	public static final String PREFERRED_USERNAME = "preferred_username";

	/**
	 * Role names ({@link Role#name()}: {@code USER}, {@code ADMIN}), released to
	 * first-party clients only.
	 */
	public static final String ROLES = "roles";

	private ClaimNames() {
	}

}
