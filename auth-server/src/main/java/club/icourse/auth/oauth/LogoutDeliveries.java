package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.LOGOUT_DELIVERY;
import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;
import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION_CONSENT;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logout tokens that must arrive: queued in the transaction of the change that needs them
 * (an account deleted or disabled), for every client that holds a grant or a consent of
 * the account and registered a back-channel logout URI, and delivered by
 * {@link LogoutDeliverySender}. No {@code sid}: every session of the person ends.
 */
@Repository
class LogoutDeliveries {

	private final DSLContext dsl;

	private final RegisteredClientRepository clients;

	private final IdentityClaims claims;

	private final LogoutTokens tokens;

	private final Clock clock;

	LogoutDeliveries(DSLContext dsl, RegisteredClientRepository clients, IdentityClaims claims, LogoutTokens tokens,
			Clock clock) {
		this.dsl = dsl;
		this.clients = clients;
		this.claims = claims;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Every session of the account ends at every site that can be told. */
	int signOutEverywhere(String accountSubject) {
		return queue(accountSubject, List.of(LogoutTokens.BACKCHANNEL_LOGOUT));
	}

	/**
	 * The account is gone: sites end its sessions and drop what they keep of the person
	 * (OpenID RISC account-purged). Must run before the grants are removed.
	 */
	int accountPurged(String accountSubject) {
		return queue(accountSubject, List.of(LogoutTokens.BACKCHANNEL_LOGOUT, LogoutTokens.ACCOUNT_PURGED));
	}

	private int queue(String accountSubject, List<String> events) {
		List<String> registeredIds = dsl.selectDistinct(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID)
			.from(OAUTH2_AUTHORIZATION)
			.where(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(accountSubject))
			.union(dsl.selectDistinct(OAUTH2_AUTHORIZATION_CONSENT.REGISTERED_CLIENT_ID)
				.from(OAUTH2_AUTHORIZATION_CONSENT)
				.where(OAUTH2_AUTHORIZATION_CONSENT.PRINCIPAL_NAME.eq(accountSubject)))
			.fetch(0, String.class);
		String issuer = null;
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int queued = 0;
		for (String id : registeredIds) {
			RegisteredClient client = clients.findById(id);
			Object uri = client == null ? null
					: client.getClientSettings().getSetting(ClientOptions.BACKCHANNEL_LOGOUT_URI);
			if (uri instanceof String logoutUri && !logoutUri.isBlank()) {
				if (issuer == null) {
					issuer = tokens.issuer(currentRequest());
				}
				dsl.insertInto(LOGOUT_DELIVERY)
					.set(LOGOUT_DELIVERY.CLIENT_ID, client.getClientId())
					.set(LOGOUT_DELIVERY.ISSUER, issuer)
					.set(LOGOUT_DELIVERY.SUBJECT, claims.subject(accountSubject, client))
					.set(LOGOUT_DELIVERY.EVENTS, String.join(" ", events))
					.set(LOGOUT_DELIVERY.CREATED_AT, now)
					.set(LOGOUT_DELIVERY.NEXT_ATTEMPT_AT, now)
					.execute();
				queued++;
			}
		}
		return queued;
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
