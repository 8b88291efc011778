package club.icourse.auth.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The clients the protocol endpoints see: a client an administrator switched off is
 * unknown to them, so it can neither start a sign-in nor obtain or use a token. Changes
 * go through {@link ClientRegistry}, not here.
 *
 * <p>
 * Every authorization and token request looks its client up several times, so a client
 * read from the database is remembered for a few seconds
 * ({@code icourse.oidc.client-cache}, 5 s). This instance forgets it at once when it
 * saves the client; other instances see a change within that time. Unknown client ids are
 * never remembered, so made-up ids cannot fill the memory.
 */
@Component
class EnabledClients implements RegisteredClientRepository {

	private record Remembered(RegisteredClient client, Instant until) {
	}

	private final JdbcRegisteredClientRepository clients;

	private final Clock clock;

	private final Duration remember;

	private final Map<String, Remembered> byId = new ConcurrentHashMap<>();

	private final Map<String, Remembered> byClientId = new ConcurrentHashMap<>();

	EnabledClients(JdbcTemplate jdbc, Clock clock, @Value("${icourse.oidc.client-cache:5s}") Duration remember) {
		this.clients = new JdbcRegisteredClientRepository(jdbc);
		this.clock = clock;
		this.remember = remember;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		clients.save(registeredClient);
		byId.remove(registeredClient.getId());
		byClientId.remove(registeredClient.getClientId());
	}

	/** Forgets a client deleted from the table behind the framework's back. */
	void forget(RegisteredClient deleted) {
		byId.remove(deleted.getId());
		byClientId.remove(deleted.getClientId());
	}

	@Override
	public RegisteredClient findById(String id) {
		return enabled(remembered(byId, id, () -> clients.findById(id)));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return enabled(remembered(byClientId, clientId, () -> clients.findByClientId(clientId)));
	}

	private RegisteredClient remembered(Map<String, Remembered> cache, String key, Supplier<RegisteredClient> load) {
		Instant now = clock.instant();
		Remembered known = cache.get(key);
		if (known != null && known.until().isAfter(now)) {
			return known.client();
		}
		RegisteredClient client = load.get();
		if (client == null) {
			cache.remove(key);
		}
		else if (!remember.isZero()) {
			cache.put(key, new Remembered(client, now.plus(remember)));
		}
		return client;
	}

	private static RegisteredClient enabled(RegisteredClient client) {
		return client == null || ClientDefinition.isDisabled(client) ? null : client;
	}

}
