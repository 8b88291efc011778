package club.icourse.auth.oauth;

import java.util.Optional;

/**
 * What the consent page shows about a client beyond its name, when a higher feature knows
 * more (the developer portal, for apps people registered).
 */
public interface ClientPresentation {

	/**
	 * @param logoPath this server's address of the app's logo; blank for none
	 * @param owner the username of the person who registered the app
	 * @param verified whether an administrator approved it (shown as "unverified" until
	 * then)
	 * @param homepageUri blank for none, as the two policy links
	 */
	record Presented(String logoPath, String owner, boolean verified, String homepageUri, String policyUri,
			String tosUri) {
	}

	/** Nothing more to say about clients an administrator registered. */
	Optional<Presented> of(String clientId);

}
