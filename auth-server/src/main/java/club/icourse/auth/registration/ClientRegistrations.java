package club.icourse.auth.registration;

import static club.icourse.db.auth.Tables.CLIENT_REGISTRATION;

import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.developers.DeveloperApps;
import club.icourse.auth.oauth.ClientSecrets;
import club.icourse.db.auth.tables.records.ClientRegistrationRecord;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.SecureRandom;
import java.text.ParseException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers clients with an initial access token (RFC 7591) and lets each read, change
 * and delete its registration with the registration access token it got (RFC 7592). A
 * client is registered as a developer app ({@link DeveloperApps}) under the rules every
 * client meets, owned by the token's owner and pending approval like an app registered in
 * the portal (unless the token's issuer, an administrator, approved its registrations at
 * once); what neither keeps is stored beside it. The registration access token is 256
 * random bits, shown once, kept as a SHA-256.
 */
@Service
public class ClientRegistrations {

	/** Generated client ids: "app-" and 20 lowercase letters and digits. */
	private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final InitialAccessTokens initialTokens;

	private final ClientRegistry registry;

	private final DSLContext dsl;

	private final AuditLog audit;

	private final Actors actors;

	private final Clock clock;

	private final DeveloperApps apps;

	private final AccountRepository accounts;

	private final SectorIdentifiers sectors;

	private final FetchableHosts hosts;

	ClientRegistrations(InitialAccessTokens initialTokens, ClientRegistry registry, DSLContext dsl, AuditLog audit,
			Actors actors, Clock clock, DeveloperApps apps, AccountRepository accounts, SectorIdentifiers sectors,
			FetchableHosts hosts) {
		this.sectors = sectors;
		this.hosts = hosts;
		this.apps = apps;
		this.accounts = accounts;
		this.initialTokens = initialTokens;
		this.registry = registry;
		this.dsl = dsl;
		this.audit = audit;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * The client information response (RFC 7591 3.2.1) to a registration. The body is
	 * read only once the token is known to be good, so that a caller without one learns
	 * nothing from the answer but 401.
	 * @param registrationBase the address under which {@code registration_client_uri}s
	 * live
	 */
	@Transactional
	public Map<String, Object> register(String initialToken, Supplier<Map<String, Object>> body,
			String registrationBase) {
		InitialAccessToken token = initialTokens.redeem(initialToken)
			.orElseThrow(() -> new RegistrationTokenException("No valid initial access token"));
		String clientId = newClientId();
		ClientMetadata metadata = ClientMetadata.read(body.get(), clientId, token.withoutPkce());
		checkAddresses(metadata);
		Actor owner = actors.person(token.ownerSubject());
		long ownerAccount = accounts.findBySubject(token.ownerSubject())
			.orElseThrow(() -> new RegistrationTokenException("The initial access token's owner is gone"))
			.id();
		DeveloperApps.Registered saved = ClientRefusals
			.mapped(() -> apps.register(ownerAccount, metadata.definition(), metadata.appMetadata()));
		if (metadata.definition().withoutPkce()) {
			// the portal's apps always send PKCE; the exception is the token issuer's
			registry.update(clientId, metadata.definition(), issuer(token));
		}
		if (token.approveAtOnce()) {
			apps.approve(clientId, "approved at once: registered with " + InitialAccessTokens.target(token.id()),
					issuer(token));
		}
		String accessToken = ClientSecrets.generate();
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		ClientRegistrationRecord row = dsl.newRecord(CLIENT_REGISTRATION);
		row.setClientId(clientId);
		row.setAccessTokenHash(InitialAccessTokens.hash(accessToken));
		row.setInitialTokenId(token.id());
		row.setOwnerSubject(token.ownerSubject());
		row.setMetadata(JSONObjectUtils.toJSONString(metadata.kept()));
		row.setRegisteredAt(now);
		row.setUpdatedAt(now);
		row.store();
		audit.record(owner, "client.registered", clientId,
				"with " + InitialAccessTokens.target(token.id()) + (token.approveAtOnce() ? "; approved at once" : ""));
		Map<String, Object> response = response(row, metadata.definition(), registrationBase);
		if (saved.secret() != null) {
			response.put("client_secret", saved.secret());
			response.put("client_secret_expires_at", 0);
		}
		response.put("registration_access_token", accessToken);
		return response;
	}

	/** The client's registration as it stands (RFC 7592 2.1); no secret is repeated. */
	@Transactional(readOnly = true)
	public Map<String, Object> read(String clientId, String accessToken, String registrationBase) {
		ClientRegistrationRecord row = registration(clientId, accessToken);
		return response(row, definition(clientId), registrationBase);
	}

	/**
	 * Replaces the client's metadata with the request's (RFC 7592 2.2); its client id,
	 * its secret and its registration access token stay. A {@code client_secret} in the
	 * request must be the current one (the client may not choose its secret), else the
	 * update is refused as {@code invalid_client_metadata}; leaving it out is fine.
	 */
	@Transactional
	public Map<String, Object> update(String clientId, String accessToken, Supplier<Map<String, Object>> request,
			String registrationBase) {
		ClientRegistrationRecord row = registration(clientId, accessToken);
		Map<String, Object> body = request.get();
		if (!Objects.equals(body.get("client_id"), clientId)) {
			throw InvalidRegistrationException.metadata("client_id must be the registered client's id");
		}
		Object secret = body.get("client_secret");
		if (secret != null && !(secret instanceof String text && registry.isCurrentSecret(clientId, text))) {
			throw InvalidRegistrationException
				.metadata("client_secret must be the client's current secret, or be left out; it cannot be chosen");
		}
		boolean withoutPkce = initialTokens.find(row.getInitialTokenId())
			.map(InitialAccessToken::withoutPkce)
			.orElse(false);
		ClientMetadata metadata = ClientMetadata.read(body, clientId, withoutPkce);
		checkAddresses(metadata);
		Actor owner = actors.person(row.getOwnerSubject());
		ClientRegistry.Saved saved = ClientRefusals
			.mapped(() -> registry.update(clientId, metadata.definition(), owner));
		row.setMetadata(JSONObjectUtils.toJSONString(metadata.kept()));
		row.setUpdatedAt(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
		row.store();
		Map<String, Object> response = response(row, saved.definition(), registrationBase);
		if (saved.secret() != null) {
			response.put("client_secret", saved.secret());
			response.put("client_secret_expires_at", 0);
		}
		return response;
	}

	/**
	 * Deletes the registration (RFC 7592 2.3): the client and its app are deleted, every
	 * grant and token it holds ends, and its registration access token stops working.
	 */
	@Transactional
	public void delete(String clientId, String accessToken) {
		ClientRegistrationRecord row = registration(clientId, accessToken);
		row.delete();
		registry.delete(clientId, actors.person(row.getOwnerSubject()));
	}

	/** The addresses the provider will fetch from: only public ones. */
	private void checkAddresses(ClientMetadata metadata) {
		String jwksUri = metadata.definition().keys() == null ? null : metadata.definition().keys().jwksUri();
		if (jwksUri != null) {
			hosts.require("jwks_uri", URI.create(jwksUri));
		}
		String sectorUri = metadata.definition().options().sectorIdentifierUri();
		if (sectorUri != null) {
			sectors.check(sectorUri, metadata.definition().redirectUris());
		}
	}

	/** Who issued the token, as the audit log names them. */
	private Actor issuer(InitialAccessToken token) {
		String prefix = "client:";
		return token.issuedBy().startsWith(prefix) ? Actor.client(token.issuedBy().substring(prefix.length()))
				: token.issuedBy().equals(Actor.SYSTEM.id()) ? Actor.SYSTEM : actors.person(token.issuedBy());
	}

	private ClientRegistrationRecord registration(String clientId, String accessToken) {
		if (accessToken == null || accessToken.isBlank()) {
			throw new RegistrationTokenException("No registration access token");
		}
		ClientRegistrationRecord row = dsl.selectFrom(CLIENT_REGISTRATION)
			.where(CLIENT_REGISTRATION.ACCESS_TOKEN_HASH.eq(InitialAccessTokens.hash(accessToken)))
			.fetchOne();
		if (row == null || !row.getClientId().equals(clientId) || registry.find(clientId).isEmpty()) {
			throw new RegistrationTokenException("No valid registration access token for this client");
		}
		return row;
	}

	private ClientDefinition definition(String clientId) {
		return registry.find(clientId).orElseThrow(() -> new RegistrationTokenException("No such client")).definition();
	}

	private static Map<String, Object> response(ClientRegistrationRecord row, ClientDefinition definition,
			String registrationBase) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("client_id", row.getClientId());
		response.put("client_id_issued_at", row.getRegisteredAt().toEpochSecond(ZoneOffset.UTC));
		response.putAll(ClientMetadata.describe(definition, kept(row)));
		response.put("registration_client_uri", registrationBase + "/" + row.getClientId());
		return response;
	}

	private static Map<String, Object> kept(ClientRegistrationRecord row) {
		try {
			return JSONObjectUtils.parse(row.getMetadata());
		}
		catch (ParseException e) {
			throw new IllegalStateException("Stored registration metadata of " + row.getClientId(), e);
		}
	}

	private static String newClientId() {
		StringBuilder id = new StringBuilder("app-");
		for (int i = 0; i < 20; i++) {
			id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
		}
		return id.toString();
	}

}
