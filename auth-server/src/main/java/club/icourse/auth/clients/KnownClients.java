package club.icourse.auth.clients;

import club.icourse.auth.oauth.ClientSecrets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Clients this deployment knows from its configuration, registered (or updated) at
 * start-up: the review app, a first-party client that skips the consent page, and in the
 * local run a demo third-party site that asks for consent and a command-line client for
 * the admin API.
 */
@Component
public class KnownClients {

	private static final Logger log = LoggerFactory.getLogger(KnownClients.class);

	/**
	 * @param id the client id
	 * @param secret the client secret; the client is not registered while it is blank
	 * @param redirectUris where codes may be sent
	 * @param postLogoutRedirectUris where people may be sent after signing out
	 * @param firstParty whether the client is part of this product (no consent page)
	 * @param backchannelLogoutUri where the client receives logout tokens when a person
	 * signs out here (optional)
	 * @param scopes what it may ask for; the sign-in scopes when not given
	 * @param clientCredentials whether it may also act for itself (client credentials
	 * grant)
	 */
	public record Client(String id, String name, String secret, List<String> redirectUris,
			List<String> postLogoutRedirectUris, boolean firstParty, String backchannelLogoutUri, Set<String> scopes,
			boolean clientCredentials) {

		ClientDefinition definition() {
			return new ClientDefinition(id, name == null ? id : name, true, firstParty, redirectUris,
					postLogoutRedirectUris, backchannelLogoutUri,
					scopes == null || scopes.isEmpty() ? new LinkedHashSet<>(ClientDefinition.SIGN_IN_SCOPES) : scopes,
					clientCredentials, null, null, null);
		}
	}

	@ConfigurationProperties("icourse.oidc.known-clients")
	record Settings(List<Client> clients) {

		Settings {
			clients = clients == null ? List.of() : List.copyOf(clients);
		}
	}

	private final ClientRegistry registry;

	private final Settings settings;

	KnownClients(ClientRegistry registry, Settings settings) {
		this.registry = registry;
		this.settings = settings;
	}

	@EventListener(ApplicationStartedEvent.class)
	void register() {
		for (Client client : settings.clients()) {
			if (client.secret() == null || client.secret().isBlank()) {
				continue;
			}
			registry.registerFromConfiguration(client.definition(), client.secret());
			log.info("Registered {} client {} ({})", client.firstParty() ? "first-party" : "third-party", client.id(),
					client.redirectUris() == null ? "" : String.join(", ", client.redirectUris()));
		}
	}

	/**
	 * The framework's form of a configured client, as {@link #register()} stores it (for
	 * tests that register sites).
	 */
	public static RegisteredClient toRegistered(Client client, String id) {
		return client.definition().toRegisteredClient(id, new ClientSecrets().encode(client.secret()), false);
	}

}
