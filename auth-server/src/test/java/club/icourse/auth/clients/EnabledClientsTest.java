package club.icourse.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Clients are remembered for a moment, forgotten at once on a change made here, and never
 * remembered when unknown.
 */
@AuthServerTest
class EnabledClientsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DSLContext dsl;

	@Test
	void aClientChangedHereIsSeenAtOnceAndOneChangedElsewhereWithinTheMoment() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
		Clock clock = new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		EnabledClients here = new EnabledClients(jdbc, clock, Duration.ofSeconds(5));
		EnabledClients elsewhere = new EnabledClients(jdbc, clock, Duration.ofSeconds(5));
		String clientId = "cache-" + UUID.randomUUID();
		assertThat(here.findByClientId(clientId)).isNull();
		RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientName("Before")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://cache.example/callback")
			.scope("openid")
			.build();
		here.save(client);
		assertThat(here.findByClientId(clientId)).as("an unknown id was not remembered").isNotNull();
		assertThat(elsewhere.findByClientId(clientId).getClientName()).isEqualTo("Before");

		here.save(RegisteredClient.from(client).clientName("After").build());
		assertThat(here.findByClientId(clientId).getClientName()).as("this instance forgets at once")
			.isEqualTo("After");
		assertThat(elsewhere.findByClientId(clientId).getClientName()).as("another within the moment")
			.isEqualTo("Before");
		now.set(now.get().plusSeconds(6));
		assertThat(elsewhere.findByClientId(clientId).getClientName()).isEqualTo("After");
		assertThat(elsewhere.findById(client.getId()).getClientName()).isEqualTo("After");
	}

}
