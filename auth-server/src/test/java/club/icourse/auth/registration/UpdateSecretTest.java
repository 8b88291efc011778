package club.icourse.auth.registration;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.clients.ClientRegistry;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * RFC 7592 2.2: an update may carry the client's {@code client_secret}, which must then
 * be the current one; any other value (one the client would choose) is refused as
 * {@code invalid_client_metadata} and changes nothing, and the secret never changes
 * through an update.
 */
@AuthServerTest
class UpdateSecretTest {

	@LocalServerPort
	int port;

	@Autowired
	InitialAccessTokens tokens;

	@Autowired
	ClientRegistry registry;

	@Autowired
	DSLContext dsl;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aClientSecretInAnUpdateMustBeTheCurrentOne() throws Exception {
		String email = TestAccounts.registerAndConfirm(port).email();
		String owner = dsl.select(ACCOUNT.SUBJECT).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchSingle().value1();
		IssuedToken initial = tokens.issue(InitialAccessTokens.Request.forOwner(owner, Duration.ofHours(1), 1, null),
				Actor.SYSTEM);
		Map<String, Object> client = JSONObjectUtils.parse(call("POST", "/connect/register", initial.value(), """
				{"client_name": "Secret keeper", "redirect_uris": ["https://keeper.example/cb"]}""").body());
		String clientId = (String) client.get("client_id");
		String secret = (String) client.get("client_secret");
		String access = (String) client.get("registration_access_token");
		String path = "/connect/register/" + clientId;

		for (String wrong : new String[] { "\"a-secret-of-my-own-choosing\"", "\"\"", "42" }) {
			HttpResponse<String> refused = call("PUT", path, access, """
					{"client_id": "%s", "client_secret": %s, "client_name": "Renamed",
					 "redirect_uris": ["https://keeper.example/cb"]}""".formatted(clientId, wrong));
			assertThat(refused.statusCode()).as(wrong + ": " + refused.body()).isEqualTo(400);
			Map<String, Object> error = JSONObjectUtils.parse(refused.body());
			assertThat(error).containsEntry("error", "invalid_client_metadata");
			assertThat((String) error.get("error_description")).contains("client_secret");
		}
		assertThat(registry.find(clientId).orElseThrow().definition().name()).as("nothing changed")
			.isEqualTo("Secret keeper");

		HttpResponse<String> withCurrent = call("PUT", path, access, """
				{"client_id": "%s", "client_secret": "%s", "client_name": "Renamed",
				 "redirect_uris": ["https://keeper.example/cb"]}""".formatted(clientId, secret));
		assertThat(withCurrent.statusCode()).as(withCurrent.body()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(withCurrent.body())).containsEntry("client_name", "Renamed");

		HttpResponse<String> without = call("PUT", path, access, """
				{"client_id": "%s", "client_name": "Renamed again", "redirect_uris": ["https://keeper.example/cb"]}"""
			.formatted(clientId));
		assertThat(without.statusCode()).as("leaving it out is fine: " + without.body()).isEqualTo(200);
		assertThat(registry.isCurrentSecret(clientId, secret)).as("the secret never changes in an update").isTrue();
	}

	private HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + bearer)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
