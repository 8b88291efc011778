package club.icourse.auth.security;

import club.icourse.auth.system.SecondFactors;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;

/**
 * Spring Security's multi-factor rule for this server: a sign-in whose account must show
 * a second factor is missing {@link SecondFactors#TOTP_AUTHORITY} until it does, so the
 * framework's missing-factor handling sends the person to the second step.
 */
final class SecondFactorShown<T> implements AuthorizationManager<T> {

	private static final AuthorizationResult MISSING = new FactorAuthorizationDecision(List
		.of(RequiredFactorError.createMissing(RequiredFactor.withAuthority(SecondFactors.TOTP_AUTHORITY).build())));

	private static final AuthorizationResult GRANTED = new AuthorizationDecision(true);

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, T object) {
		return SecondFactors.pending(authentication.get()) ? MISSING : GRANTED;
	}

}
