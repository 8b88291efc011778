package club.icourse.auth.system;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The second step of signing in, as every feature sees it: the factor a TOTP code proves,
 * the mark a sign-in carries when its account must show a second factor before the
 * sign-in counts, and where a person is sent to show one (or to set one up).
 */
public final class SecondFactors {

	/** Spring Security's factor authority for a TOTP or recovery code. */
	public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

	/**
	 * On a sign-in whose account has a second factor, or whose role requires one: until
	 * the person shows one, the sign-in reaches only the second step and the security
	 * page.
	 */
	public static final String REQUIRED_AUTHORITY = "SECOND_FACTOR_REQUIRED";

	/**
	 * The page that asks for the code, or sends a person without a factor to set one up.
	 */
	public static final String SECOND_STEP_PATH = "/login/second-factor";

	/** A passkey is something the person has, checked with something they know or are. */
	private static final Set<String> SECOND = Set.of(TOTP_AUTHORITY, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

	private SecondFactors() {
	}

	/** Whether this sign-in showed a second factor. */
	public static boolean shown(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(GrantedAuthority::getAuthority)
			.anyMatch(SECOND::contains);
	}

	/** Whether this sign-in must still show a second factor before it counts. */
	public static boolean pending(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities()
					.stream()
					.anyMatch(authority -> REQUIRED_AUTHORITY.equals(authority.getAuthority()))
				&& !shown(authentication);
	}

}
