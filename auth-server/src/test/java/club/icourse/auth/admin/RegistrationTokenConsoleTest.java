package club.icourse.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.developers.AppStatus;
import club.icourse.auth.developers.DeveloperApps;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator issues an initial access token in the console for a person, the value
 * is shown once and registers an app owned by that person, and revoking it closes the
 * endpoint to it; both are in the audit log.
 */
@AuthServerTest
class RegistrationTokenConsoleTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	AuditLog audit;

	@Autowired
	DeveloperApps apps;

	@Test
	void anAdministratorIssuesAndRevokesAToken() throws Exception {
		Person admin = TestAccounts.registerAdmin(port, dsl);
		Person owner = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			HtmlPage unknown = browser.submit(browser.open("/admin/registration-tokens"), "/admin/registration-tokens",
					"owner", "nobody-at-all@ustc.edu.cn");
			assertThat(unknown.asNormalizedText()).contains("No single account has that email or username");

			HtmlPage form = browser.open("/admin/registration-tokens");
			((HtmlCheckBoxInput) form.getElementById("approveAtOnce")).setChecked(true);
			HtmlPage issued = browser.submit(form, "/admin/registration-tokens", "owner", owner.username(), "maxUses",
					"2", "note", "hackathon");
			String token = issued.getElementById("issued-token").asNormalizedText();
			assertThat(issued.asNormalizedText()).contains("hackathon", "0 / 2", "Approved at once", "Active");

			HttpResponse<String> registered = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connect/register"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\": [\"https://hack.example/cb\"]}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
			String clientId = (String) JSONObjectUtils.parse(registered.body()).get("client_id");
			assertThat(apps.find(clientId).orElseThrow().ownerUsername()).isEqualTo(owner.username());
			assertThat(apps.find(clientId).orElseThrow().status()).isEqualTo(AppStatus.APPROVED);

			HtmlPage listed = browser.open("/admin/registration-tokens");
			assertThat(listed.asNormalizedText()).contains("1 / 2").doesNotContain(token);
			HtmlForm revoke = listed.getForms()
				.stream()
				.filter(candidate -> candidate.getActionAttribute().endsWith("/revoke"))
				.findFirst()
				.orElseThrow();
			String id = revoke.getActionAttribute().replaceAll(".*/registration-tokens/(\\d+)/revoke", "$1");
			HtmlPage revoked = browser.submit(listed, revoke.getActionAttribute());
			assertThat(revoked.asNormalizedText()).contains("Revoked");
			assertThat(audit.latest("registration-token:" + id, null, 10)).extracting(AuditLog.Event::action)
				.containsExactly("registration-token.revoked", "registration-token.issued");
		}
	}

}
