package club.icourse.auth.clients;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION_CONSENT;
import static club.icourse.db.auth.Tables.OAUTH2_REGISTERED_CLIENT;

import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.oauth.AuthorizedApps;
import club.icourse.auth.oauth.ClientSecrets;
import club.icourse.auth.oauth.PreviousClientSecrets;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes, switches off and on, and rotates the secrets of clients, each
 * change checked against {@link ClientRules} and written to the audit log in the same
 * transaction. Secrets are generated here, returned once and stored only as a hash.
 */
@Service
public class ClientRegistry {

	/** A registered client as the console lists it. */
	public record Listing(ClientDefinition definition, boolean disabled, Instant registeredAt) {
	}

	/**
	 * The outcome of a change: the new secret, when there is one to show its operator
	 * (once).
	 */
	public record Saved(ClientDefinition definition, String secret) {
	}

	/**
	 * Reads here see switched-off clients too; writes go through the protocol's view,
	 * which forgets what it knew.
	 */
	private final JdbcRegisteredClientRepository clients;

	private final EnabledClients enabled;

	private final DSLContext dsl;

	private final AuditLog audit;

	private final AuthorizedApps grants;

	private final ClientSecrets secrets = new ClientSecrets();

	private final PreviousClientSecrets previousSecrets;

	ClientRegistry(JdbcTemplate jdbc, EnabledClients enabled, DSLContext dsl, AuditLog audit, AuthorizedApps grants,
			PreviousClientSecrets previousSecrets) {
		this.previousSecrets = previousSecrets;
		this.clients = new JdbcRegisteredClientRepository(jdbc);
		this.enabled = enabled;
		this.dsl = dsl;
		this.audit = audit;
		this.grants = grants;
	}

	public List<Listing> all() {
		return dsl.select(OAUTH2_REGISTERED_CLIENT.ID)
			.from(OAUTH2_REGISTERED_CLIENT)
			.orderBy(OAUTH2_REGISTERED_CLIENT.CLIENT_NAME, OAUTH2_REGISTERED_CLIENT.CLIENT_ID)
			.fetch(OAUTH2_REGISTERED_CLIENT.ID)
			.stream()
			.map(clients::findById)
			.filter(Objects::nonNull)
			.map(ClientRegistry::listing)
			.toList();
	}

	public Optional<Listing> find(String clientId) {
		return Optional.ofNullable(clients.findByClientId(clientId)).map(ClientRegistry::listing);
	}

	@Transactional
	public Saved create(ClientDefinition definition, Actor actor) {
		List<ClientProblem> problems = new ArrayList<>(ClientRules.check(definition));
		if (clients.findByClientId(definition.clientId()) != null) {
			problems.add(new ClientProblem("clientId", "client-id-taken", definition.clientId()));
		}
		reject(problems);
		String secret = definition.hasSecret() ? ClientSecrets.generate() : null;
		enabled.save(definition.toRegisteredClient(UUID.randomUUID().toString(), hash(secret), false));
		audit.record(actor, "client.created", definition.clientId(), describe(definition));
		return new Saved(definition, secret);
	}

	/**
	 * Changes everything but the client id; a client that becomes confidential gets its
	 * first secret.
	 */
	@Transactional
	public Saved update(String clientId, ClientDefinition changed, Actor actor) {
		RegisteredClient stored = existing(clientId);
		ClientDefinition before = ClientDefinition.of(stored);
		ClientDefinition definition = withClientId(changed, clientId,
				changed.options() == null ? before.options() : changed.options());
		reject(ClientRules.check(definition));
		String secret = definition.hasSecret() && stored.getClientSecret() == null ? ClientSecrets.generate() : null;
		String secretHash = definition.hasSecret() ? (secret != null ? hash(secret) : stored.getClientSecret()) : null;
		enabled.save(definition.toRegisteredClient(stored.getId(), secretHash, ClientDefinition.isDisabled(stored)));
		audit.record(actor, "client.updated", clientId, changes(before, definition));
		return new Saved(definition, secret);
	}

	/**
	 * Whether {@code secret} is the client's current secret (not one in its grace period:
	 * RFC 7592 2.2 asks for "the currently issued client secret").
	 */
	public boolean isCurrentSecret(String clientId, String secret) {
		String stored = existing(clientId).getClientSecret();
		return stored != null && secret != null && secrets.matches(secret, stored);
	}

	/**
	 * A new secret; the current one, and a previous one still in its grace period, stop
	 * working at once (a leaked secret).
	 */
	@Transactional
	public String rotateSecret(String clientId, Actor actor) {
		RegisteredClient stored = existing(clientId);
		if (stored.getClientSecret() == null) {
			throw new ClientRefusedException(List.of(new ClientProblem("confidential", "public-has-no-secret", null)));
		}
		previousSecrets.forget(clientId);
		String secret = ClientSecrets.generate();
		enabled.save(RegisteredClient.from(stored).clientSecret(hash(secret)).build());
		audit.record(actor, "client.secret-rotated", clientId, null);
		return secret;
	}

	/**
	 * A new secret, while the old one keeps working until {@code oldValidUntil} (so a
	 * site can roll the new one out without an outage).
	 */
	@Transactional
	public String rotateSecretKeepingOld(String clientId, Instant oldValidUntil, Actor actor) {
		RegisteredClient stored = existing(clientId);
		String secret = rotateSecret(clientId, actor);
		previousSecrets.keep(clientId, stored.getClientSecret(), oldValidUntil);
		return secret;
	}

	/**
	 * Removes a client for good: every token it holds is revoked first, and what other
	 * features keep about the client goes with it (their rows cascade).
	 */
	@Transactional
	public void delete(String clientId, Actor actor) {
		RegisteredClient stored = existing(clientId);
		grants.revokeEveryGrantOf(clientId);
		dsl.deleteFrom(OAUTH2_AUTHORIZATION_CONSENT)
			.where(OAUTH2_AUTHORIZATION_CONSENT.REGISTERED_CLIENT_ID.eq(stored.getId()))
			.execute();
		dsl.deleteFrom(OAUTH2_REGISTERED_CLIENT).where(OAUTH2_REGISTERED_CLIENT.ID.eq(stored.getId())).execute();
		enabled.forget(stored);
		audit.record(actor, "client.deleted", clientId, null);
	}

	/**
	 * Switches a client off: the protocol no longer knows it, and every token it holds is
	 * revoked.
	 */
	@Transactional
	public void disable(String clientId, Actor actor) {
		setDisabled(existing(clientId), true);
		grants.revokeEveryGrantOf(clientId);
		audit.record(actor, "client.disabled", clientId, null);
	}

	@Transactional
	public void enable(String clientId, Actor actor) {
		setDisabled(existing(clientId), false);
		audit.record(actor, "client.enabled", clientId, null);
	}

	/**
	 * Registers a client the configuration names, or brings it in line with the
	 * configuration; its secret is the configured one. An administrator's decision to
	 * switch it off stands.
	 */
	@Transactional
	public void registerFromConfiguration(ClientDefinition definition, String secret) {
		reject(ClientRules.check(definition));
		RegisteredClient stored = clients.findByClientId(definition.clientId());
		String id = stored == null ? UUID.randomUUID().toString() : stored.getId();
		boolean disabled = stored != null && ClientDefinition.isDisabled(stored);
		enabled.save(definition.toRegisteredClient(id, definition.confidential() ? hash(secret) : null, disabled));
		if (stored == null) {
			audit.record(Actor.SYSTEM, "client.created", definition.clientId(),
					"from configuration; " + describe(definition));
		}
		else {
			String changes = changes(ClientDefinition.of(stored), definition);
			if (!changes.isEmpty()) {
				audit.record(Actor.SYSTEM, "client.updated", definition.clientId(), "from configuration; " + changes);
			}
		}
	}

	private void setDisabled(RegisteredClient stored, boolean disabled) {
		enabled
			.save(ClientDefinition.of(stored).toRegisteredClient(stored.getId(), stored.getClientSecret(), disabled));
	}

	private RegisteredClient existing(String clientId) {
		RegisteredClient stored = clientId == null ? null : clients.findByClientId(clientId);
		if (stored == null) {
			throw new UnknownClientException(clientId);
		}
		return stored;
	}

	private String hash(String secret) {
		return secret == null ? null : secrets.encode(secret);
	}

	private static Listing listing(RegisteredClient client) {
		return new Listing(ClientDefinition.of(client), ClientDefinition.isDisabled(client),
				client.getClientIdIssuedAt());
	}

	private static void reject(List<ClientProblem> problems) {
		if (!problems.isEmpty()) {
			throw new ClientRefusedException(problems);
		}
	}

	private static ClientDefinition withClientId(ClientDefinition d, String clientId, ProtocolOptions options) {
		return new ClientDefinition(clientId, d.name(), d.confidential(), d.firstParty(), d.redirectUris(),
				d.postLogoutRedirectUris(), d.backchannelLogoutUri(), d.scopes(), d.clientCredentials(),
				d.accessTokenLifetime(), d.refreshTokenLifetime(), d.idTokenAlgorithm(), d.withoutPkce(),
				d.resourceServer(), d.keys(), options);
	}

	private static String describe(ClientDefinition definition) {
		return changes(null, definition);
	}

	/**
	 * "field: old → new" for every field that differs (every field, when there is no
	 * old).
	 */
	private static String changes(ClientDefinition before, ClientDefinition after) {
		List<String> changed = new ArrayList<>();
		for (RecordComponent component : ClientDefinition.class.getRecordComponents()) {
			Object now = value(component, after);
			Object then = before == null ? null : value(component, before);
			if (before == null) {
				changed.add(component.getName() + ": " + now);
			}
			else if (!Objects.equals(then, now)) {
				changed.add(component.getName() + ": " + then + " → " + now);
			}
		}
		return String.join("; ", changed);
	}

	private static Object value(RecordComponent component, ClientDefinition definition) {
		try {
			Object value = component.getAccessor().invoke(definition);
			// a definition that does not say (the console, the configuration) has none
			return value == null && component.getType() == ProtocolOptions.class ? ProtocolOptions.NONE : value;
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

}
