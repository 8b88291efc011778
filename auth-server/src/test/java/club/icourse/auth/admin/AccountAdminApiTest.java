package club.icourse.auth.admin;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.TestTotp;
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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Account administration through the JSON admin API, as an operator's script: each action
 * answers the account's new state, lands in the audit log, and an unknown account is a
 * 404.
 */
@AuthServerTest
class AccountAdminApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ClientRegistry registry;

	@Autowired
	DSLContext dsl;

	private final HttpClient http = HttpClient.newHttpClient();

	private String token;

	@BeforeEach
	void anOperatorToken() throws Exception {
		String clientId = "accounts-op-" + UUID.randomUUID().toString().substring(0, 8);
		String secret = registry
			.create(new ClientDefinition(clientId, "Account script", true, false, List.of(), List.of(), null,
					Set.of(ClientDefinition.ADMIN_SCOPE), true, null, null, null), Actor.SYSTEM)
			.secret();
		TokenResponse response = TokenResponse
			.parse(new TokenRequest(URI.create("http://localhost:" + port + "/oauth2/token"),
					new ClientSecretBasic(new ClientID(clientId), new Secret(secret)), new ClientCredentialsGrant(),
					new Scope(ClientDefinition.ADMIN_SCOPE))
				.toHTTPRequest()
				.send());
		token = response.toSuccessResponse().getTokens().getAccessToken().getValue();
	}

	@Test
	void anOperatorScriptFindsSeesAndAdministersAnAccount() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		String subject = dsl.select(ACCOUNT.SUBJECT)
			.from(ACCOUNT)
			.where(ACCOUNT.EMAIL.eq(person.email()))
			.fetchSingle()
			.value1();

		HttpResponse<String> found = call("GET",
				"/api/admin/accounts?q=" + URLEncoder.encode(person.username().toUpperCase(), StandardCharsets.UTF_8));
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains(subject, person.email());

		Map<String, Object> shown = JSONObjectUtils.parse(call("GET", "/api/admin/accounts/" + subject).body());
		assertThat(JSONObjectUtils.getJSONObject(shown, "account")).containsEntry("disabled", false)
			.containsEntry("username", person.username());
		assertThat(shown).containsKeys("signIns", "authorizedSites", "audit");
		assertThat(JSONObjectUtils.getJSONObjectArray(shown, "signIns")).isNotEmpty();

		assertThat(call("POST", "/api/admin/accounts/" + subject + "/disable").body()).contains("\"disabled\":true");
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(person.email(), person.password()).getUrl().getQuery()).isEqualTo("error");
		}
		assertThat(call("POST", "/api/admin/accounts/" + subject + "/enable").body()).contains("\"disabled\":false");
		assertThat(call("POST", "/api/admin/accounts/" + subject + "/roles/admin").body()).contains("\"ADMIN\"");
		assertThat(call("DELETE", "/api/admin/accounts/" + subject + "/roles/admin").body()).doesNotContain("ADMIN");
		assertThat(call("POST", "/api/admin/accounts/" + subject + "/roles/emperor").statusCode()).isEqualTo(400);
		assertThat(call("POST", "/api/admin/accounts/" + subject + "/backoff/clear").statusCode()).isEqualTo(200);
		HttpResponse<String> confirmed = call("POST", "/api/admin/accounts/" + subject + "/confirmation");
		assertThat(confirmed.statusCode()).isEqualTo(409);
		assertThat(confirmed.body()).contains("already confirmed");
		assertThat(call("POST", "/api/admin/accounts/" + subject + "/password/clear").body())
			.contains("\"passwordCleared\":true");

		String audit = call("GET", "/api/admin/audit?target=" + subject).body();
		assertThat(audit).contains("account.disabled", "account.enabled", "account.role-granted",
				"account.role-revoked", "account.backoff-cleared", "account.password-cleared", "client:accounts-op-");

		assertThat(call("DELETE", "/api/admin/accounts/" + subject).statusCode()).isEqualTo(204);
		assertThat(call("GET", "/api/admin/accounts/" + subject).statusCode()).as("a deleted account").isEqualTo(404);
	}

	@Test
	void aConfirmationIsResentToAnAccountThatStillNeedsOne() throws Exception {
		String email = Mailbox.newStudentAddress();
		try (Browser browser = new Browser(port)) {
			browser.submit(browser.open("/register"), "/register", "email", email, "username", Mailbox.newUsername(),
					"password", "correct horse battery");
		}
		Mailbox.awaitMail(email, 1);
		String subject = dsl.select(ACCOUNT.SUBJECT)
			.from(ACCOUNT)
			.where(ACCOUNT.EMAIL.eq(email))
			.fetchSingle()
			.value1();
		assertThat(call("POST", "/api/admin/accounts/" + subject + "/confirmation").statusCode()).isEqualTo(200);
		assertThat(Mailbox.awaitMail(email, 2).links().getFirst()).contains("/confirm?token=");
	}

	@Test
	void everyActionOnAnUnknownAccountIsA404() throws Exception {
		String unknown = "/api/admin/accounts/01UNKNOWNUNKNOWNUNKNOWN000";
		assertThat(call("GET", unknown).statusCode()).isEqualTo(404);
		for (String action : List.of("/disable", "/enable", "/backoff/clear", "/confirmation", "/password/clear",
				"/roles/admin")) {
			HttpResponse<String> answer = call("POST", unknown + action);
			assertThat(answer.statusCode()).as(action).isEqualTo(404);
			assertThat(answer.body()).as(action).contains("not_found");
		}
		assertThat(call("DELETE", unknown + "/roles/admin").statusCode()).isEqualTo(404);
		assertThat(call("DELETE", unknown).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/admin/accounts?q=").body()).isEqualTo("[]");
	}

	@Test
	void aLostFactorIsRemovedOnlyWithTheChecksAndAudited() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			TestTotp.enrol(browser, person.password());
		}
		String subject = dsl.select(ACCOUNT.SUBJECT)
			.from(ACCOUNT)
			.where(ACCOUNT.EMAIL.eq(person.email()))
			.fetchSingle()
			.value1();
		String account = "/api/admin/accounts/" + subject;
		assertThat(call("GET", account).body()).contains("\"id\":\"totp\"", "\"id\":\"recovery-codes\"");

		for (String checks : List.of("", "{\"reason\": \"lost phone\"}",
				"{\"reason\": \" \", \"identityChecked\": true}")) {
			HttpResponse<String> refused = call("POST", account + "/factors/recovery-codes/remove", checks);
			assertThat(refused.statusCode()).as(checks).isEqualTo(400);
			assertThat(refused.body()).as(checks).contains("identity check confirmed and a reason");
		}
		String reason = "{\"reason\": \"Lost the printout; asked from the confirmed address, answered our reply\","
				+ " \"identityChecked\": true}";
		assertThat(call("POST", account + "/factors/passkey-AAAA/remove", reason).statusCode()).isEqualTo(404);
		assertThat(
				call("POST", "/api/admin/accounts/01UNKNOWNUNKNOWNUNKNOWN000/factors/totp/remove", reason).statusCode())
			.isEqualTo(404);

		HttpResponse<String> removed = call("POST", account + "/factors/recovery-codes/remove", reason);
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertThat(removed.body()).contains("\"kind\":\"recovery-codes\"");
		assertThat(call("GET", account).body()).contains("\"id\":\"totp\"").doesNotContain("recovery-codes\"");
		assertThat(call("POST", account + "/factors/totp/remove", reason).statusCode()).isEqualTo(200);
		assertThat(call("GET", account).body()).contains("\"factors\":[]");
		assertThat(call("GET", "/api/admin/audit?target=" + subject).body()).contains("account.factor-removed",
				"recovery-codes (10 unused): Lost the printout");
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(person.email(), person.password()).getUrl().getPath())
				.as("the password alone again")
				.isEqualTo("/account");
		}
	}

	private HttpResponse<String> call(String method, String path) throws Exception {
		return call(method, path, null);
	}

	private HttpResponse<String> call(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
