package club.icourse.auth.oauth;

import club.icourse.auth.system.SecondFactors;
import club.icourse.auth.system.SyncedPasskey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * How the person signed in, for the ID token's {@code amr} (RFC 8176 values) and
 * {@code acr} claims: one factor (a password, or a link mailed to the confirmed address),
 * or more (a password and a code from an authenticator app; a passkey with user
 * verification). The levels are listed in discovery's {@code acr_values_supported}; a
 * site asks for the higher one with {@code acr_values} ({@link SecondFactorStepUp}).
 */
final class AuthenticationMethods {

	static final String SINGLE_FACTOR = "urn:icourse:acr:single-factor";

	/** Two factors of different kinds, as {@code amr}'s {@code mfa} says. */
	static final String MULTI_FACTOR = "urn:icourse:acr:multi-factor";

	static final List<String> ACR_VALUES = List.of(SINGLE_FACTOR, MULTI_FACTOR);

	/** RFC 8176: more than one factor was shown. */
	private static final String MFA = "mfa";

	/**
	 * Spring Security's factors, by RFC 8176 method. A passkey is a key held by a device
	 * ({@code hwk}) unless it is synced ({@code swk}); with user verification required
	 * (PIN or biometrics on the device) it is also multi-factor ({@code mfa}). A TOTP
	 * code after the password makes the sign-in multi-factor too.
	 */
	private static final Map<String, List<String>> AMR = Map.of(FactorGrantedAuthority.PASSWORD_AUTHORITY,
			List.of("pwd"), FactorGrantedAuthority.OTT_AUTHORITY, List.of("otp"), SecondFactors.TOTP_AUTHORITY,
			List.of("otp"), FactorGrantedAuthority.WEBAUTHN_AUTHORITY, List.of("hwk", MFA));

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
		List<String> factors = factors(authentication);
		boolean secondStep = SecondFactors.shown(authentication) && factors.size() > 1;
		return Stream
			.concat(factors.stream().map(AMR::get).filter(Objects::nonNull).flatMap(List::stream),
					secondStep ? Stream.of(MFA) : Stream.empty())
			.map(method -> synced && method.equals("hwk") ? "swk" : method)
			.distinct()
			.sorted()
			.collect(Collectors.toCollection(ArrayList::new));
	}

	static String acr(Authentication authentication) {
		return amr(authentication).contains(MFA) ? MULTI_FACTOR : SINGLE_FACTOR;
	}

	private static List<String> factors(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(GrantedAuthority::getAuthority)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

}
