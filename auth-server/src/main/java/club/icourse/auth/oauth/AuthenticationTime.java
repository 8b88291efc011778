package club.icourse.auth.oauth;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * When the person proved who they are: the newest factor Spring Security recorded
 * (password, mailed link).
 */
final class AuthenticationTime {

	private AuthenticationTime() {
	}

	static Optional<Instant> of(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
			.max(Instant::compareTo);
	}

}
