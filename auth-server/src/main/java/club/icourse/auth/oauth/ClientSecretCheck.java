package club.icourse.auth.oauth;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Client secrets are checked as {@link ClientSecrets} stores them (SHA-256), not with the
 * slow password encoder the framework would otherwise take from the application. A secret
 * that does not match gets a second check against the client's previous secret, while a
 * rotation's grace period lasts ({@link PreviousSecretClients}): the authentication
 * manager tries its next provider when one refuses.
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
		providers.add(current + 1, previous);
	}

}
