package club.icourse.auth.oauth;

import java.util.List;

/**
 * This provider's own client settings, stored beside the framework's in each registered
 * client.
 */
public final class ClientOptions {

	/**
	 * Part of this product: no consent page, and the account's public subject instead of
	 * a pairwise one.
	 */
	public static final String FIRST_PARTY = "icourse.first-party";

	/**
	 * Where the client receives logout tokens when a person signs out here (OpenID
	 * Connect Back-Channel Logout).
	 */
	public static final String BACKCHANNEL_LOGOUT_URI = "icourse.backchannel-logout-uri";

	/**
	 * Switched off by an administrator: the protocol endpoints treat the client as
	 * unknown.
	 */
	public static final String DISABLED = "icourse.disabled";

	/**
	 * A resource server: may introspect tokens issued to other clients (RFC 7662 4).
	 */
	public static final String RESOURCE_SERVER = "icourse.resource-server";

	/**
	 * The public keys (a JWK Set in JSON) a {@code private_key_jwt} client registered by
	 * value; blank when it publishes them at its JWKS URI.
	 */
	public static final String JWKS = "icourse.jwks";

	/**
	 * The https address whose host is the client's sector for pairwise subjects (OpenID
	 * Connect Core 8.1), when it registered one.
	 */
	public static final String SECTOR_IDENTIFIER_URI = "icourse.sector-identifier-uri";

	/**
	 * The algorithm UserInfo answers are signed with for the client (a JWT instead of
	 * JSON), when it registered one.
	 */
	public static final String USERINFO_ALGORITHM = "icourse.userinfo-signed-response-alg";

	/**
	 * What a {@code private_key_jwt} client may sign its assertions with (discovery's
	 * {@code token_endpoint_auth_signing_alg_values_supported}).
	 */
	public static final List<String> ASSERTION_ALGORITHMS = List.of("RS256", "PS256", "ES256");

	private ClientOptions() {
	}

}
