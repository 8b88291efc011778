package club.icourse.auth.developers;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.account.AccountAdministration;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.registration.InitialAccessTokens;
import club.icourse.auth.registration.IssuedToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deleted account's apps cannot be transferred any more: each is switched off, the
 * tokens it holds stop working, it stays in the console for an administrator, the
 * account's initial access tokens are revoked, and it is no longer a tester anywhere.
 */
@AuthServerTest
class DeletedOwnerTest {

	@LocalServerPort
	int port;

	@Autowired
	DeveloperApps apps;

	@Autowired
	ClientRegistry registry;

	@Autowired
	InitialAccessTokens tokens;

	@Autowired
	AccountAdministration accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	DSLContext dsl;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aDeletedOwnersAppsAreSwitchedOffAndTheirTokensRevoked() throws Exception {
		Record2<Long, String> owner = account(TestAccounts.registerAndConfirm(port).email());
		Record2<Long, String> other = account(TestAccounts.registerAndConfirm(port).email());
		DeveloperApps.Registered registered = apps.register(
				owner.value1(), new ClientDefinition("", "Orphan", true, false, List.of("https://orphan.example/cb"),
						List.of(), null, Set.of("openid", "profile"), true, null, null, "RS256"),
				new AppMetadata("", "", ""));
		String clientId = registered.app().clientId();
		DeveloperApps.Registered othersApp = apps
			.register(other.value1(),
					new ClientDefinition("", "Other's app", true, false, List.of("https://other.example/cb"), List.of(),
							null, Set.of("openid", "profile"), false, null, null, "RS256"),
					new AppMetadata("", "", ""));
		apps.addTester(othersApp.app().clientId(), other.value1(),
				dsl.select(ACCOUNT.USERNAME).from(ACCOUNT).where(ACCOUNT.ID.eq(owner.value1())).fetchSingle().value1());
		IssuedToken initial = tokens
			.issue(InitialAccessTokens.Request.forOwner(owner.value2(), Duration.ofDays(1), null, null), Actor.SYSTEM);
		String accessToken = clientCredentials(clientId, registered.secret());
		assertThat(introspect(clientId, registered.secret(), accessToken)).contains("\"active\":true");

		accounts.delete(Actor.SYSTEM, owner.value2());

		assertThat(registry.find(clientId).orElseThrow().disabled()).as("switched off, kept for the console").isTrue();
		assertThat(apps.find(clientId)).as("still listed for administrators").isPresent();
		assertThat(tokenStatus(clientId, registered.secret())).as("no new tokens").isEqualTo(401);
		assertThat(registry.find(clientId).orElseThrow().definition().clientId()).isEqualTo(clientId);
		assertThat(tokens.find(initial.token().id()).orElseThrow().revokedAt()).as("the initial token").isNotNull();
		assertThat(apps.testers(othersApp.app().clientId())).as("no longer a tester").isEmpty();
		assertThat(audit.latest(clientId, null, 10)).extracting(AuditLog.Event::action)
			.contains("developer-app.owner-deleted", "client.disabled");
		assertThat(registry.find(othersApp.app().clientId()).orElseThrow().disabled()).as("other people's apps")
			.isFalse();

		registry.enable(clientId, Actor.SYSTEM);
		String newToken = clientCredentials(clientId, registered.secret());
		assertThat(introspect(clientId, registered.secret(), accessToken)).as("the old token stays revoked")
			.contains("\"active\":false");
		assertThat(introspect(clientId, registered.secret(), newToken)).as("an administrator switched it on again")
			.contains("\"active\":true");
	}

	private Record2<Long, String> account(String email) {
		return dsl.select(ACCOUNT.ID, ACCOUNT.SUBJECT).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchSingle();
	}

	private String clientCredentials(String clientId, String secret) throws Exception {
		HttpResponse<String> token = post("/oauth2/token", clientId, secret,
				"grant_type=client_credentials&scope=profile");
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return token.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	private int tokenStatus(String clientId, String secret) throws Exception {
		return post("/oauth2/token", clientId, secret, "grant_type=client_credentials&scope=profile").statusCode();
	}

	private String introspect(String clientId, String secret, String token) throws Exception {
		return post("/oauth2/introspect", clientId, secret, "token=" + token).body();
	}

	private HttpResponse<String> post(String path, String clientId, String secret, String form) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
