package club.icourse.auth.oauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.text.ParseException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Checks a {@code private_key_jwt} client's assertion against the keys it registered: by
 * value ({@link ClientOptions#JWKS}, which the framework cannot read), or at its JWKS URI
 * (the framework's own decoder, which fetches the set again when it meets an unknown key
 * id). The claims are checked as the framework checks them (issuer and subject the client
 * id, audience this server, not expired).
 */
final class ClientAssertionKeys implements JwtDecoderFactory<RegisteredClient> {

	private final JwtClientAssertionDecoderFactory byUri = new JwtClientAssertionDecoderFactory();

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		Object jwks = client.getClientSettings().getSetting(ClientOptions.JWKS);
		if (!(jwks instanceof String text) || text.isBlank()) {
			return byUri.createDecoder(client);
		}
		JWKSet keys;
		try {
			keys = JWKSet.parse(text);
		}
		catch (ParseException e) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys))
			.jwsAlgorithm(
					(SignatureAlgorithm) client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm())
			.build();
		decoder.setJwtValidator(JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client));
		return decoder;
	}

}
