package club.icourse.auth.developers;

import static club.icourse.db.auth.Tables.CLIENT_PREVIOUS_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.clients.ClientDefinition;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rotated-out secret keeps working at the token endpoint for the grace period, and not
 * after it (the period's end is moved into the past, as time would).
 */
@AuthServerTest
class SecretRotationTest {

	@LocalServerPort
	int port;

	@Autowired
	DeveloperApps apps;

	@Autowired
	AccountRepository accounts;

	@Autowired
	DSLContext dsl;

	@Test
	void theOldSecretWorksWithinTheGracePeriodOnly() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);
		long ownerId = accounts.findCredentials(owner.email()).orElseThrow().account().id();
		DeveloperApps.Registered registered = apps.register(ownerId, new ClientDefinition("", "Grade robot", true,
				false, List.of("https://robot.example/cb"), List.of(), "", Set.of("openid"), true, null, null, null),
				AppMetadata.NONE);
		String clientId = registered.app().clientId();
		String oldSecret = registered.secret();

		String newSecret = apps.rotateSecret(clientId, ownerId);

		assertThat(newSecret).isNotEqualTo(oldSecret);
		assertThat(tokenStatus(clientId, newSecret)).isEqualTo(200);
		assertThat(tokenStatus(clientId, oldSecret)).as("within the grace period").isEqualTo(200);
		assertThat(tokenStatus(clientId, "not-" + oldSecret)).isEqualTo(401);

		dsl.update(CLIENT_PREVIOUS_SECRET)
			.set(CLIENT_PREVIOUS_SECRET.VALID_UNTIL, LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.where(CLIENT_PREVIOUS_SECRET.CLIENT_ID.eq(clientId))
			.execute();

		assertThat(tokenStatus(clientId, oldSecret)).as("after the grace period").isEqualTo(401);
		assertThat(tokenStatus(clientId, newSecret)).isEqualTo(200);
	}

	int tokenStatus(String clientId, String secret) throws Exception {
		return new TokenRequest(URI.create("http://localhost:" + port + "/oauth2/token"),
				new ClientSecretBasic(new ClientID(clientId), new Secret(secret)), new ClientCredentialsGrant())
			.toHTTPRequest()
			.send()
			.getStatusCode();
	}

}
