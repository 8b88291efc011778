package club.icourse.auth.clients;

/**
 * What a client registered at the registration endpoint may ask for beyond the fields of
 * the admin console (OpenID Connect Dynamic Client Registration 2). The console neither
 * shows nor changes them: an administrator's edit keeps them.
 *
 * @param sectorIdentifierUri the https address of the client's list of redirect URIs
 * whose host is its sector for pairwise subjects (OpenID Connect Core 8.1); {@code null}
 * for the host of its redirect URIs
 * @param userInfoAlgorithm how UserInfo answers are signed for the client (RS256 or
 * ES256, a JWT); {@code null} for plain JSON
 */
public record ProtocolOptions(String sectorIdentifierUri, String userInfoAlgorithm) {

	public static final ProtocolOptions NONE = new ProtocolOptions(null, null);

	public ProtocolOptions {
		sectorIdentifierUri = sectorIdentifierUri == null || sectorIdentifierUri.isBlank() ? null
				: sectorIdentifierUri.strip();
		userInfoAlgorithm = userInfoAlgorithm == null || userInfoAlgorithm.isBlank() ? null : userInfoAlgorithm.strip();
	}

}
