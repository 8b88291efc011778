package club.icourse.auth.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * How the person signed in, for the ID token's {@code amr} (RFC 8176 values) and
 * {@code acr} claims. Every way of signing in today is a single factor; the levels are
 * listed in discovery's {@code acr_values_supported}.
 */
final class AuthenticationMethods {

	/** One factor: a password, or a link mailed to the confirmed address. */
	static final String SINGLE_FACTOR = "urn:icourse:acr:single-factor";

	static final List<String> ACR_VALUES = List.of(SINGLE_FACTOR);

	/** Spring Security's factors, by RFC 8176 method. */
	private static final Map<String, String> AMR = Map.of(FactorGrantedAuthority.PASSWORD_AUTHORITY, "pwd",
			FactorGrantedAuthority.OTT_AUTHORITY, "otp");

	private AuthenticationMethods() {
	}

	/**
	 * The methods used, in a stable order; an ArrayList, as the framework's JSON
	 * allow-list wants.
	 */
	static ArrayList<String> amr(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(GrantedAuthority::getAuthority)
			.map(AMR::get)
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	static String acr(Authentication authentication) {
		return SINGLE_FACTOR;
	}

}
