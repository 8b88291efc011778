package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;
import static club.icourse.db.auth.Tables.SPENT_REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

@AuthServerTest
class ExpiredGrantCleanupTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	ExpiredGrantCleanup cleanup;

	@Autowired
	DSLContext dsl;

	@Test
	void grantsWhoseTokensAllExpiredAndStatesThatNeverGotATokenGoLiveOnesStay() throws Exception {
		TestSite expired = new TestSite(clients, port);
		TestSite live = new TestSite(clients, port);
		TestAccounts.Person person = TestAccounts.registerAndConfirm(port);
		expired.signIn(person);
		live.signIn(person);
		LocalDateTime twoDaysAgo = LocalDateTime.now(ZoneOffset.UTC).minusDays(2);
		String expiredId = idOf(expired);
		dsl.update(OAUTH2_AUTHORIZATION)
			.set(OAUTH2_AUTHORIZATION.CREATED_AT, twoDaysAgo.minusDays(30))
			.set(OAUTH2_AUTHORIZATION.AUTHORIZATION_CODE_EXPIRES_AT, twoDaysAgo)
			.set(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT, twoDaysAgo)
			.set(OAUTH2_AUTHORIZATION.OIDC_ID_TOKEN_EXPIRES_AT, twoDaysAgo)
			.set(OAUTH2_AUTHORIZATION.REFRESH_TOKEN_EXPIRES_AT, twoDaysAgo)
			.where(OAUTH2_AUTHORIZATION.ID.eq(expiredId))
			.execute();
		dsl.insertInto(OAUTH2_AUTHORIZATION)
			.set(OAUTH2_AUTHORIZATION.ID, "abandoned-" + expiredId)
			.set(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID,
					dsl.select(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID)
						.from(OAUTH2_AUTHORIZATION)
						.where(OAUTH2_AUTHORIZATION.ID.eq(expiredId))
						.fetchSingle()
						.value1())
			.set(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME, "someone")
			.set(OAUTH2_AUTHORIZATION.AUTHORIZATION_GRANT_TYPE, "authorization_code")
			.set(OAUTH2_AUTHORIZATION.STATE, "abandoned")
			.set(OAUTH2_AUTHORIZATION.CREATED_AT, twoDaysAgo)
			.execute();
		byte[] forgotten = spentToken(idOf(live), LocalDateTime.now(ZoneOffset.UTC).minusDays(91));
		byte[] remembered = spentToken(idOf(live), LocalDateTime.now(ZoneOffset.UTC).minusDays(89));

		cleanup.run();

		assertThat(dsl.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq(expiredId))).isFalse();
		assertThat(dsl.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq("abandoned-" + expiredId)))
			.isFalse();
		assertThat(dsl.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq(idOf(live))))
			.as("a live grant stays")
			.isTrue();
		assertThat(dsl.fetchExists(SPENT_REFRESH_TOKEN, SPENT_REFRESH_TOKEN.TOKEN_HASH.eq(forgotten)))
			.as("a spent token older than any refresh token's lifetime is forgotten")
			.isFalse();
		assertThat(dsl.fetchExists(SPENT_REFRESH_TOKEN, SPENT_REFRESH_TOKEN.TOKEN_HASH.eq(remembered))).isTrue();
	}

	@Test
	void aClientsOwnTokenGoesAsSoonAsItExpired() {
		String clientId = clients.findByClientId(new TestSite(clients, port).clientId).getId();
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		String expired = clientToken(clientId, now.minusMinutes(1));
		String live = clientToken(clientId, now.plusMinutes(5));

		// deleteBatch, not run: ShedLock keeps run's lock a minute, another test may hold
		// it
		cleanup.deleteBatch();

		assertThat(dsl.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq(expired))).isFalse();
		assertThat(dsl.fetchExists(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.ID.eq(live))).isTrue();
	}

	private String clientToken(String registeredClientId, LocalDateTime expiresAt) {
		String id = UUID.randomUUID().toString();
		dsl.insertInto(OAUTH2_AUTHORIZATION)
			.set(OAUTH2_AUTHORIZATION.ID, id)
			.set(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID, registeredClientId)
			.set(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME, registeredClientId)
			.set(OAUTH2_AUTHORIZATION.AUTHORIZATION_GRANT_TYPE, "client_credentials")
			.set(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_VALUE, "token-" + id)
			.set(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_ISSUED_AT, expiresAt.minusMinutes(5))
			.set(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT, expiresAt)
			.execute();
		return id;
	}

	private byte[] spentToken(String authorizationId, LocalDateTime spentAt) {
		byte[] hash = new byte[32];
		new SecureRandom().nextBytes(hash);
		dsl.insertInto(SPENT_REFRESH_TOKEN)
			.set(SPENT_REFRESH_TOKEN.TOKEN_HASH, hash)
			.set(SPENT_REFRESH_TOKEN.AUTHORIZATION_ID, authorizationId)
			.set(SPENT_REFRESH_TOKEN.SPENT_AT, spentAt)
			.execute();
		return hash;
	}

	private String idOf(TestSite site) {
		return dsl.select(OAUTH2_AUTHORIZATION.ID)
			.from(OAUTH2_AUTHORIZATION)
			.where(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID.eq(clients.findByClientId(site.clientId).getId()))
			.fetchSingle()
			.value1();
	}

}
