package club.icourse.auth.system;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Re-authentication before a change of sign-in factors (an authenticator app, recovery
 * codes, a passkey): the password must have been typed in this sign-in within the last
 * few minutes, so that a session left open, or taken, cannot add or remove a way in.
 */
@Component
public class RecentPassword {

	/** How long a password counts as just typed. */
	public static final Duration WITHIN = Duration.ofMinutes(5);

	private final Clock clock;

	RecentPassword(Clock clock) {
		this.clock = clock;
	}

	public boolean typed(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.filter(factor -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(factor.getAuthority()))
			.anyMatch(factor -> factor.getIssuedAt().plus(WITHIN).isAfter(clock.instant()));
	}

	public static long minutes() {
		return WITHIN.toMinutes();
	}

}
