package club.icourse.auth.oauth;

/**
 * Whether a person may sign in to a client at all (before consent), decided by a higher
 * feature: the developer portal keeps an app it has not approved to its owner and
 * testers. Asked at the authorization endpoint for every signed-in request
 * ({@link UnapprovedAppGate}).
 */
public interface ClientUseRule {

	/**
	 * Whether the account with this subject (the signed-in principal's name) may sign in
	 * to the client.
	 */
	boolean mayUse(String clientId, String subject);

}
