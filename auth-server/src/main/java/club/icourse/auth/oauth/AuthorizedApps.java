package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;
import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION_CONSENT;
import static club.icourse.db.auth.Tables.OAUTH2_REGISTERED_CLIENT;
import static club.icourse.db.auth.Tables.SPENT_REFRESH_TOKEN;

import club.icourse.auth.account.AccountDeleted;
import club.icourse.auth.account.AccountLockedOut;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites a person let sign them in, and withdrawing that: the consent goes and every
 * token of the grant dies.
 */
@RetriedWhenRolledBack
@Service
public class AuthorizedApps {

	/**
	 * A site the person consented to, with the scopes they allowed and when it last
	 * received a token.
	 */
	public record App(String clientId, String name, List<String> scopes, Instant lastUsed) {
	}

	private final DSLContext dsl;

	private final AuditLog audit;

	private final LogoutDeliveries logoutDeliveries;

	AuthorizedApps(DSLContext dsl, AuditLog audit, LogoutDeliveries logoutDeliveries) {
		this.dsl = dsl;
		this.audit = audit;
		this.logoutDeliveries = logoutDeliveries;
	}

	public List<App> of(String subject) {
		var lastUse = DSL.select(DSL.max(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_ISSUED_AT))
			.from(OAUTH2_AUTHORIZATION)
			.where(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID.eq(OAUTH2_AUTHORIZATION_CONSENT.REGISTERED_CLIENT_ID))
			.and(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(subject))
			.asField("last_use");
		return dsl
			.select(OAUTH2_REGISTERED_CLIENT.CLIENT_ID, OAUTH2_REGISTERED_CLIENT.CLIENT_NAME,
					OAUTH2_AUTHORIZATION_CONSENT.AUTHORITIES, lastUse)
			.from(OAUTH2_AUTHORIZATION_CONSENT)
			.join(OAUTH2_REGISTERED_CLIENT)
			.on(OAUTH2_REGISTERED_CLIENT.ID.eq(OAUTH2_AUTHORIZATION_CONSENT.REGISTERED_CLIENT_ID))
			.where(OAUTH2_AUTHORIZATION_CONSENT.PRINCIPAL_NAME.eq(subject))
			.orderBy(OAUTH2_REGISTERED_CLIENT.CLIENT_NAME)
			.fetch(row -> new App(row.value1(), row.value2(), scopes(row.value3()),
					row.value4() == null ? null : ((LocalDateTime) row.value4()).toInstant(ZoneOffset.UTC)));
	}

	/**
	 * Withdraws the person's consent to one site and revokes every token the site holds
	 * for them.
	 */
	@Transactional
	public void revoke(Actor person, String clientId) {
		String subject = person.id();
		String registeredId = dsl.select(OAUTH2_REGISTERED_CLIENT.ID)
			.from(OAUTH2_REGISTERED_CLIENT)
			.where(OAUTH2_REGISTERED_CLIENT.CLIENT_ID.eq(clientId))
			.fetchOne(OAUTH2_REGISTERED_CLIENT.ID);
		if (registeredId != null) {
			dsl.deleteFrom(OAUTH2_AUTHORIZATION_CONSENT)
				.where(OAUTH2_AUTHORIZATION_CONSENT.PRINCIPAL_NAME.eq(subject))
				.and(OAUTH2_AUTHORIZATION_CONSENT.REGISTERED_CLIENT_ID.eq(registeredId))
				.execute();
			removeGrants(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(subject)
				.and(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID.eq(registeredId)));
			audit.record(person, "consent.withdrawn", clientId, "tokens revoked");
		}
	}

	/**
	 * Revokes every token a client holds, for everyone (the client was switched off).
	 * Consents stay.
	 */
	@Transactional
	public void revokeEveryGrantOf(String clientId) {
		removeGrants(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID.in(DSL.select(OAUTH2_REGISTERED_CLIENT.ID)
			.from(OAUTH2_REGISTERED_CLIENT)
			.where(OAUTH2_REGISTERED_CLIENT.CLIENT_ID.eq(clientId))));
	}

	/** A deleted account keeps no consent and no token anywhere. */
	@EventListener
	void onAccountDeleted(AccountDeleted deleted) {
		dsl.deleteFrom(OAUTH2_AUTHORIZATION_CONSENT)
			.where(OAUTH2_AUTHORIZATION_CONSENT.PRINCIPAL_NAME.eq(deleted.subject()))
			.execute();
		removeGrants(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(deleted.subject()));
		audit.record(new Actor(deleted.subject(), deleted.subject()), "account.deleted", null,
				"every consent withdrawn, every token revoked");
	}

	/**
	 * A disabled account, or one whose password was cleared, keeps its consents but no
	 * grant: every token dies now, and the sites that take back-channel logout are told
	 * (before the grants that name them go).
	 */
	@EventListener
	void onAccountLockedOut(AccountLockedOut lockedOut) {
		logoutDeliveries.signOutEverywhere(lockedOut.subject());
		removeGrants(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(lockedOut.subject()));
	}

	private void removeGrants(Condition which) {
		List<String> ids = dsl.select(OAUTH2_AUTHORIZATION.ID)
			.from(OAUTH2_AUTHORIZATION)
			.where(which)
			.fetch(OAUTH2_AUTHORIZATION.ID);
		if (!ids.isEmpty()) {
			dsl.deleteFrom(SPENT_REFRESH_TOKEN).where(SPENT_REFRESH_TOKEN.AUTHORIZATION_ID.in(ids)).execute();
			dsl.deleteFrom(OAUTH2_AUTHORIZATION).where(OAUTH2_AUTHORIZATION.ID.in(ids)).execute();
		}
	}

	private static List<String> scopes(String authorities) {
		return Arrays.stream(authorities.split(","))
			.map(String::strip)
			.filter(authority -> authority.startsWith("SCOPE_"))
			.map(authority -> authority.substring("SCOPE_".length()))
			.filter(scope -> !scope.equals("openid"))
			.sorted()
			.toList();
	}

}
