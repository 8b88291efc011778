package club.icourse.auth.oauth;

import club.icourse.auth.system.SyncedPasskey;
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

	/**
	 * Spring Security's factors, by RFC 8176 method. A passkey is a key held by a device
	 * ({@code hwk}) unless it is synced ({@code swk}); with user verification required
	 * (PIN or biometrics on the device) it is also multi-factor ({@code mfa}).
	 */
	private static final Map<String, List<String>> AMR = Map.of(FactorGrantedAuthority.PASSWORD_AUTHORITY,
			List.of("pwd"), FactorGrantedAuthority.OTT_AUTHORITY, List.of("otp"),
			FactorGrantedAuthority.WEBAUTHN_AUTHORITY, List.of("hwk", "mfa"));

	private AuthenticationMethods() {
	}

	/**
	 * The methods used, in a stable order; an ArrayList, as the framework's JSON
	 * allow-list wants.
	 */
	static ArrayList<String> amr(Authentication authentication) {
		boolean synced = authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> SyncedPasskey.AUTHORITY.equals(authority.getAuthority()));
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(GrantedAuthority::getAuthority)
			.map(AMR::get)
			.filter(Objects::nonNull)
			.flatMap(List::stream)
			.map(method -> synced && method.equals("hwk") ? "swk" : method)
			.distinct()
			.sorted()
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	static String acr(Authentication authentication) {
		return SINGLE_FACTOR;
	}

}
