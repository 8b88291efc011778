package club.icourse.shared;

/**
 * The OpenID Connect scopes, beyond the standard ones, that the identity provider and its
 * clients agree on.
 */
public final class Scopes {

	/**
	 * Releases the {@link ClaimNames#SCHOOL school} and {@link ClaimNames#AFFILIATION
	 * affiliation} claims.
	 */
	public static final String SCHOOL = "school";

	private Scopes() {
	}

}
