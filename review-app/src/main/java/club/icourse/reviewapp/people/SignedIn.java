package club.icourse.reviewapp.people;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** The person behind a request, if someone is signed in. */
public final class SignedIn {

	private SignedIn() {
	}

	/**
	 * The person behind a request that only signed-in people reach (the security rules
	 * say which); else a bug.
	 */
	public static Person required(Authentication authentication) {
		return person(authentication).orElseThrow(() -> new IllegalStateException("Not signed in"));
	}

	public static Optional<Person> person(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof SignedInPerson signedIn
				? Optional.of(signedIn.person()) : Optional.empty();
	}

}
