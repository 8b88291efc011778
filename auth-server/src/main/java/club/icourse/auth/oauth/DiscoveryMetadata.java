package club.icourse.auth.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.function.Consumer;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * What the discovery document says beyond the framework's defaults: every algorithm an ID
 * token may be signed with (a client may register one other than RS256), and that
 * back-channel logout is offered, with the session id.
 */
final class DiscoveryMetadata implements Consumer<OidcProviderConfiguration.Builder> {

	@Override
	public void accept(OidcProviderConfiguration.Builder metadata) {
		metadata
			.idTokenSigningAlgorithms(algorithms -> SigningKeys.ALGORITHMS.stream()
				.map(JWSAlgorithm::getName)
				.filter(algorithm -> !algorithms.contains(algorithm))
				.forEach(algorithms::add))
			.claim("backchannel_logout_supported", true)
			.claim("backchannel_logout_session_supported", true);
	}

}
