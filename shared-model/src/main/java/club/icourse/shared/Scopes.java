package club.icourse.shared;

import java.util.Set;

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

	/**
	 * Lets a site read, through review-app's API, what the person sees only when signed
	 * in there: their own reviews (hidden and blocked ones too), drafts, follows and
	 * notifications.
	 */
	public static final String REVIEWS_READ = "reviews.read";

	/** Lets a site write or edit the person's reviews through review-app's API. */
	public static final String REVIEWS_WRITE = "reviews.write";

	/**
	 * The scopes review-app's API acts on. An access token carrying one names the person
	 * by the subject the API knows them by (the public one), not by the pairwise subject
	 * of the site that holds it (RFC 9068 6: the {@code sub} of an access token is meant
	 * for the resource server).
	 */
	public static final Set<String> REVIEW_API = Set.of(REVIEWS_READ, REVIEWS_WRITE);

	private Scopes() {
	}

}
