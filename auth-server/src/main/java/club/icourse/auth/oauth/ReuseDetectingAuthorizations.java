package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;
import static club.icourse.db.auth.Tables.SPENT_REFRESH_TOKEN;

import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.system.Sha256;
import club.icourse.web.retry.IdempotentWrites;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Refresh token reuse detection, which the framework does not have: when a refresh token
 * is rotated, the old one is remembered (as a hash); when a remembered one comes back,
 * someone holds a copy, so the whole grant is revoked and the legitimate holder must sign
 * in again.
 */
final class ReuseDetectingAuthorizations implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(ReuseDetectingAuthorizations.class);

	private final OAuth2AuthorizationService delegate;

	private final DSLContext dsl;

	private final Clock clock;

	private final RegisteredClientRepository clients;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final IdempotentWrites idempotent;

	ReuseDetectingAuthorizations(OAuth2AuthorizationService delegate, DSLContext dsl, Clock clock,
			RegisteredClientRepository clients, AuditLog audit, TransactionOperations transactions,
			IdempotentWrites idempotent) {
		this.delegate = delegate;
		this.transactions = transactions;
		this.idempotent = idempotent;
		this.dsl = dsl;
		this.clock = clock;
		this.clients = clients;
		this.audit = audit;
	}

	/**
	 * A save leaves the same rows however often it runs (the grant's row is upserted
	 * whole, the spent token is inserted once), so a database failure under it, even
	 * during its commit, is met by saving again: a code exchange or refresh whose tokens
	 * were issued is not lost to a Galera node's loss.
	 */
	@Override
	public void save(OAuth2Authorization authorization) {
		idempotent.run(() -> saveOnce(authorization));
	}

	private void saveOnce(OAuth2Authorization authorization) {
		OAuth2Authorization grant = BrowserSessionOfGrant.bind(authorization);
		OAuth2Authorization.Token<OAuth2RefreshToken> newToken = grant.getRefreshToken();
		if (newToken == null || replacesNoRefreshToken(grant.getId(), newToken.getToken().getTokenValue())) {
			delegate.save(grant);
			return;
		}
		// The refresh token being replaced is taken from the stored row itself, in the
		// same transaction as the write that replaces it: no read of the grant first.
		transactions.executeWithoutResult(status -> {
			dsl.insertInto(SPENT_REFRESH_TOKEN, SPENT_REFRESH_TOKEN.TOKEN_HASH, SPENT_REFRESH_TOKEN.AUTHORIZATION_ID,
					SPENT_REFRESH_TOKEN.SPENT_AT)
				.select(DSL.select(OAUTH2_AUTHORIZATION.REFRESH_TOKEN_HASH, OAUTH2_AUTHORIZATION.ID, DSL.val(now()))
					.from(OAUTH2_AUTHORIZATION)
					.where(OAUTH2_AUTHORIZATION.ID.eq(grant.getId()))
					.and(OAUTH2_AUTHORIZATION.REFRESH_TOKEN_HASH.isNotNull())
					.and(OAUTH2_AUTHORIZATION.REFRESH_TOKEN_HASH.ne(Sha256.of(newToken.getToken().getTokenValue()))))
				.onDuplicateKeyIgnore()
				.execute();
			delegate.save(grant);
		});
	}

	/**
	 * Whether the grant as this request read it had no refresh token or this very one: a
	 * code exchange (its grant has none yet) or a refresh that does not rotate. Then
	 * there is no spent token to record, and the save is one statement in no transaction
	 * of its own. Not known (not read in this request, or saved since): recorded from the
	 * row.
	 */
	private static boolean replacesNoRefreshToken(String grantId, String newToken) {
		return HashedTokenAuthorizations.readInThisRequest(grantId).map(read -> {
			OAuth2Authorization.Token<OAuth2RefreshToken> held = read.getRefreshToken();
			return held == null || held.getToken().getTokenValue().equals(newToken);
		}).orElse(false);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		idempotent.run(() -> {
			delegate.remove(authorization);
			dsl.deleteFrom(SPENT_REFRESH_TOKEN)
				.where(SPENT_REFRESH_TOKEN.AUTHORIZATION_ID.eq(authorization.getId()))
				.execute();
		});
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		OAuth2Authorization found = delegate.findByToken(token, tokenType);
		if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
			revokeIfSpent(token);
		}
		return found;
	}

	private void revokeIfSpent(String token) {
		String authorizationId = dsl.select(SPENT_REFRESH_TOKEN.AUTHORIZATION_ID)
			.from(SPENT_REFRESH_TOKEN)
			.where(SPENT_REFRESH_TOKEN.TOKEN_HASH.eq(Sha256.of(token)))
			.fetchOne(SPENT_REFRESH_TOKEN.AUTHORIZATION_ID);
		if (authorizationId == null) {
			return;
		}
		OAuth2Authorization grant = delegate.findById(authorizationId);
		if (grant != null) {
			log.warn("A rotated refresh token of client {} for {} was presented again; the grant is revoked",
					grant.getRegisteredClientId(), grant.getPrincipalName());
			remove(grant);
			RegisteredClient client = clients.findById(grant.getRegisteredClientId());
			audit.record(Actor.SYSTEM, "grant.revoked",
					client == null ? grant.getRegisteredClientId() : client.getClientId(),
					"a rotated refresh token was presented again; every token of " + grant.getPrincipalName()
							+ "'s grant revoked");
		}
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
