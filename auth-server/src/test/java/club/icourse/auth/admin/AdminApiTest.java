package club.icourse.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.developers.AppMetadata;
import club.icourse.auth.developers.DeveloperApps;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientRegistry;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin API, scripted as an operator would: a client-credentials token with the admin
 * scope, JSON in and out.
 */
@AuthServerTest
class AdminApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ClientRegistry registry;

	@Autowired
	DeveloperApps developerApps;

	@Autowired
	AccountRepository accounts;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anOperatorScriptManagesClients() throws Exception {
		String token = token(operator(Set.of(ClientDefinition.ADMIN_SCOPE)), ClientDefinition.ADMIN_SCOPE);
		String clientId = "api-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> created = call("POST", "/api/admin/clients", token, """
				{"clientId": "%s", "name": "Scripted site", "redirectUris": ["https://scripted.example/cb"],
				 "scopes": ["openid", "email"], "accessTokenMinutes": 5}""".formatted(clientId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Map<String, Object> body = JSONObjectUtils.parse(created.body());
		String secret = (String) body.get("secret");
		assertThat(secret).hasSizeGreaterThan(40);
		assertThat(JSONObjectUtils.getJSONObject(body, "client")).containsEntry("accessTokenMinutes", 5L)
			.containsEntry("confidential", true);

		HttpResponse<String> read = call("GET", "/api/admin/clients/" + clientId, token, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(read.body())).doesNotContainKey("secretHash").containsEntry("secret", null);
		assertThat(call("GET", "/api/admin/clients", token, null).body()).contains(clientId);

		HttpResponse<String> refused = call("PUT", "/api/admin/clients/" + clientId, token,
				"""
						{"name": "Scripted site", "redirectUris": ["http://scripted.example/cb"], "scopes": ["openid", "nonsense"]}""");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(refused.body()), "problems"))
			.extracting(problem -> problem.get("code"))
			.containsExactlyInAnyOrder("uri-not-https", "unknown-scope");
		assertThat(refused.body()).contains("http://scripted.example/cb must use https");
		assertThat(call("GET", "/api/admin/clients/" + clientId, token, null).body()).as("nothing stored changed")
			.contains("https://scripted.example/cb");

		HttpResponse<String> updated = call("PUT", "/api/admin/clients/" + clientId, token, """
				{"name": "Renamed site", "redirectUris": ["https://scripted.example/cb", "http://127.0.0.1:9/cb"]}""");
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(updated.body()).contains("Renamed site", "http://127.0.0.1:9/cb");

		String rotated = (String) JSONObjectUtils
			.parse(call("POST", "/api/admin/clients/" + clientId + "/secret", token, null).body())
			.get("secret");
		assertThat(rotated).isNotEqualTo(secret).hasSizeGreaterThan(40);

		assertThat(call("POST", "/api/admin/clients/" + clientId + "/disable", token, null).body())
			.contains("\"disabled\":true");

		String audit = call("GET", "/api/admin/audit?target=" + clientId, token, null).body();
		assertThat(audit).contains("client.created", "client.updated", "client.secret-rotated", "client.disabled",
				"client:operator-");
		assertThat(call("GET", "/api/admin/audit?limit=20", token, null).body()).contains("api.post", "api.put",
				"api.get");
	}

	@Test
	void badRequestsAreAnsweredClearly() throws Exception {
		String token = token(operator(Set.of(ClientDefinition.ADMIN_SCOPE)), ClientDefinition.ADMIN_SCOPE);
		HttpResponse<String> malformed = call("POST", "/api/admin/clients", token, "{\"clientId\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("invalid_request").doesNotContain("Exception");
		HttpResponse<String> unknown = call("GET", "/api/admin/clients/no-such-client", token, null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(call("POST", "/api/admin/clients", token, "{\"clientId\": \"A B\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void onlyLiveTokensWithTheAdminScopeGetIn() throws Exception {
		assertThat(call("GET", "/api/admin/clients", null, null).statusCode()).as("no token").isEqualTo(401);
		assertThat(call("GET", "/api/admin/clients", "not-a-jwt", null).statusCode()).as("a made-up token")
			.isEqualTo(401);

		String withoutAdminScope = token(operator(Set.of("profile")), "profile");
		assertThat(call("GET", "/api/admin/clients", withoutAdminScope, null).statusCode()).as("no admin scope")
			.isEqualTo(403);

		Operator operator = operator(Set.of(ClientDefinition.ADMIN_SCOPE));
		String token = token(operator, ClientDefinition.ADMIN_SCOPE);
		assertThat(call("GET", "/api/admin/clients", token, null).statusCode()).isEqualTo(200);
		HttpResponse<Void> revoked = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/revoke"))
				.header("Authorization",
						new ClientSecretBasic(new ClientID(operator.clientId()), new Secret(operator.secret()))
							.toHTTPAuthorizationHeader())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=" + token))
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(call("GET", "/api/admin/clients", token, null).statusCode())
			.as("a revoked token, though its JWT has not expired")
			.isEqualTo(403);
	}

	@Test
	void anOperatorScriptDecidesOnDeveloperApps() throws Exception {
		String token = token(operator(Set.of(ClientDefinition.ADMIN_SCOPE)), ClientDefinition.ADMIN_SCOPE);
		Person owner = TestAccounts.registerAndConfirm(port);
		String clientId = developerApps
			.register(accounts.findCredentials(owner.email()).orElseThrow().account().id(),
					new ClientDefinition("", "Scripted app", true, false, List.of("https://app.example/cb"), List.of(),
							"", Set.of("openid"), false, null, null, null),
					AppMetadata.NONE)
			.app()
			.clientId();

		assertThat(call("GET", "/api/admin/developer-apps?status=PENDING", token, null).body()).contains(clientId);
		HttpResponse<String> noReason = call("POST", "/api/admin/developer-apps/" + clientId + "/refuse", token, "{}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason-needed", "Give a reason");
		HttpResponse<String> approved = call("POST", "/api/admin/developer-apps/" + clientId + "/approve", token,
				"{\"reason\": \"fine\"}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(approved.body()).contains("\"status\":\"APPROVED\"", "\"decisionReason\":\"fine\"");
		assertThat(call("POST", "/api/admin/developer-apps/no-such-app/approve", token, "{}").statusCode())
			.isEqualTo(404);
		assertThat(call("GET", "/api/admin/audit?target=" + clientId, token, null).body())
			.contains("developer-app.approved");
	}

	private record Operator(String clientId, String secret) {
	}

	private Operator operator(Set<String> scopes) {
		String clientId = "operator-" + UUID.randomUUID().toString().substring(0, 8);
		String secret = registry
			.create(new ClientDefinition(clientId, "Operator script", true, false, List.of(), List.of(), null, scopes,
					true, null, null, null), Actor.SYSTEM)
			.secret();
		return new Operator(clientId, secret);
	}

	private String token(Operator operator, String scope) throws Exception {
		TokenResponse response = TokenResponse
			.parse(new TokenRequest(URI.create("http://localhost:" + port + "/oauth2/token"),
					new ClientSecretBasic(new ClientID(operator.clientId()), new Secret(operator.secret())),
					new ClientCredentialsGrant(), new Scope(scope))
				.toHTTPRequest()
				.send());
		assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
		AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
		return token.getValue();
	}

	private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
