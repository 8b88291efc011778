package club.icourse.auth.oauth;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;

/**
 * Client secrets are checked as {@link ClientSecrets} stores them (SHA-256), not with the
 * slow password encoder the framework would otherwise take from the application.
 */
final class ClientSecretCheck implements Consumer<List<AuthenticationProvider>> {

	@Override
	public void accept(List<AuthenticationProvider> providers) {
		providers.stream()
			.filter(ClientSecretAuthenticationProvider.class::isInstance)
			.map(ClientSecretAuthenticationProvider.class::cast)
			.forEach(provider -> provider.setPasswordEncoder(new ClientSecrets()));
	}

}
