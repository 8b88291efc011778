package club.icourse.auth.clients;

/**
 * How a client that authenticates with {@code private_key_jwt} (OpenID Connect Core 9,
 * RFC 7523) proves itself: its public keys, published at {@code jwksUri} or registered by
 * value ({@code jwks}, a JWK Set in JSON), and the algorithm it signs its assertions
 * with. Such a client has no secret.
 */
public record ClientKeys(String jwksUri, String jwks, String signingAlgorithm) {

	public ClientKeys {
		jwksUri = jwksUri == null || jwksUri.isBlank() ? null : jwksUri.strip();
		jwks = jwks == null || jwks.isBlank() ? null : jwks.strip();
		signingAlgorithm = signingAlgorithm == null || signingAlgorithm.isBlank() ? "RS256" : signingAlgorithm.strip();
	}

}
