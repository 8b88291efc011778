package club.icourse.auth.passkeys;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This server as a WebAuthn relying party.
 *
 * @param origins the addresses people open the pages at (scheme, host and port): an
 * assertion or attestation made for any other origin is refused
 * @param rpId the domain passkeys are bound to; blank: the host of the first origin
 * @param rpName the name authenticators show beside the account
 */
@ConfigurationProperties("icourse.passkeys")
public record PasskeySettings(@DefaultValue("http://localhost:9000") List<String> origins, String rpId,
		@DefaultValue("iCourse ID") String rpName) {

	public PasskeySettings {
		if (origins.isEmpty()) {
			throw new IllegalArgumentException("icourse.passkeys.origins needs at least one address");
		}
		if (rpId == null || rpId.isBlank()) {
			rpId = URI.create(origins.getFirst()).getHost();
		}
	}

}
