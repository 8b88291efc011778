package club.icourse.auth.oauth;

import java.time.Clock;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The clients as they were before their last secret rotation: a client with a previous
 * secret still in its grace period, carrying that secret; no other client. A second
 * client-secret check over this view accepts the old secret, with every other check of
 * the framework's (PKCE included) unchanged.
 */
final class PreviousSecretClients implements RegisteredClientRepository {

	private final RegisteredClientRepository clients;

	private final PreviousClientSecrets previous;

	private final Clock clock;

	PreviousSecretClients(RegisteredClientRepository clients, PreviousClientSecrets previous, Clock clock) {
		this.clients = clients;
		this.previous = previous;
		this.clock = clock;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("a read-only view");
	}

	@Override
	public RegisteredClient findById(String id) {
		return withPreviousSecret(clients.findById(id));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return withPreviousSecret(clients.findByClientId(clientId));
	}

	private RegisteredClient withPreviousSecret(RegisteredClient client) {
		if (client == null || client.getClientSecret() == null) {
			return null;
		}
		return previous.valid(client.getClientId(), clock.instant())
			.map(secret -> RegisteredClient.from(client).clientSecret(secret).build())
			.orElse(null);
	}

}
