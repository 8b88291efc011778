package club.icourse.auth.oauth;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * Client secrets are checked as {@link ClientSecrets} stores them (SHA-256), not with the
 * slow password encoder the framework would otherwise take from the application. A secret
 * that does not match gets a second check against the client's previous secret, while a
 * rotation's grace period lasts ({@link PreviousSecretClients}): the authentication
 * manager tries its next provider when one refuses. A {@code private_key_jwt} client's
 * assertion is checked against the keys it registered ({@link ClientAssertionKeys}).
 */
final class ClientSecretCheck implements Consumer<List<AuthenticationProvider>> {

	private final PreviousSecretClients previousSecrets;

	private final OAuth2AuthorizationService authorizations;

	ClientSecretCheck(PreviousSecretClients previousSecrets, OAuth2AuthorizationService authorizations) {
		this.previousSecrets = previousSecrets;
		this.authorizations = authorizations;
	}

	@Override
	public void accept(List<AuthenticationProvider> providers) {
		providers.stream()
			.filter(ClientSecretAuthenticationProvider.class::isInstance)
			.map(ClientSecretAuthenticationProvider.class::cast)
			.forEach(provider -> provider.setPasswordEncoder(new ClientSecrets()));
		ClientSecretAuthenticationProvider previous = new ClientSecretAuthenticationProvider(previousSecrets,
				authorizations);
		previous.setPasswordEncoder(new ClientSecrets());
		int current = providers.indexOf(providers.stream()
			.filter(ClientSecretAuthenticationProvider.class::isInstance)
			.findFirst()
			.orElseThrow());
		providers.add(current + 1, new PreviousSecretCheck(previous));
		providers.stream()
			.filter(JwtClientAssertionAuthenticationProvider.class::isInstance)
			.map(JwtClientAssertionAuthenticationProvider.class::cast)
			.forEach(provider -> provider.setJwtDecoderFactory(new ClientAssertionKeys()));
	}

	/**
	 * Abstains (null) unless the previous secret matches, so the first check's refusal
	 * stands: the authentication manager throws the last refusal it saw, and a right
	 * secret with a wrong code verifier must stay {@code invalid_grant}.
	 */
	private record PreviousSecretCheck(ClientSecretAuthenticationProvider previous) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			try {
				return previous.authenticate(authentication);
			}
			catch (OAuth2AuthenticationException refused) {
				if (OAuth2ErrorCodes.INVALID_CLIENT.equals(refused.getError().getErrorCode())) {
					return null;
				}
				throw refused;
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
