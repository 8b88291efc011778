package club.icourse.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.developers.AppStatus;
import club.icourse.auth.developers.DeveloperApp;
import club.icourse.auth.developers.DeveloperApps;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.WebRequest;
import org.htmlunit.HttpMethod;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A confirmed person issues their own initial access token in the developer portal: the
 * value is shown once, software registers an app with it that belongs to the person and
 * waits for approval like a portal app, the list counts the use, and revoking it closes
 * the endpoint to it. Nobody else sees or revokes it, and bad input is a message, not an
 * error.
 */
@AuthServerTest
class OwnTokensTest {

	@LocalServerPort
	int port;

	@Autowired
	DeveloperApps apps;

	@Autowired
	AuditLog audit;

	@Test
	void aPersonIssuesUsesAndRevokesTheirOwnToken() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);
		Person stranger = TestAccounts.registerAndConfirm(port);
		String token;
		String revokePath;
		try (Browser browser = new Browser(port)) {
			browser.signIn(owner.email(), owner.password());
			HtmlPage portal = browser.open("/developers");
			HtmlPage page = browser.open(portal.getHtmlElementById("own-tokens").getAttribute("href"));
			assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(page.asNormalizedText()).contains("No token has been issued.");

			HtmlPage issued = browser.submit(page, "/developers/registration-tokens", "validForDays", "3", "maxUses",
					"2", "note", "my timetable bot");
			token = issued.getHtmlElementById("issued-token").asNormalizedText();
			assertThat(token).hasSizeGreaterThan(40);
			assertThat(issued.getHtmlElementById("tokens").asNormalizedText()).contains("my timetable bot", "0 / 2",
					"Active");
			assertThat(issued.asNormalizedText()).as("no exceptions an administrator may grant")
				.doesNotContain("Approved at once", "Without PKCE");

			HttpResponse<String> registered = register(token);
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
			DeveloperApp app = apps.find((String) JSONObjectUtils.parse(registered.body()).get("client_id"))
				.orElseThrow();
			assertThat(app.ownerUsername()).isEqualTo(owner.username());
			assertThat(app.status()).as("the portal's approval rule").isEqualTo(AppStatus.PENDING);

			HtmlPage listed = browser.open("/developers/registration-tokens");
			assertThat(listed.asNormalizedText()).contains("1 / 2").doesNotContain(token);
			revokePath = revokeForm(listed).getActionAttribute();
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(stranger.email(), stranger.password());
			assertThat(browser.open("/developers/registration-tokens").asNormalizedText())
				.doesNotContain("my timetable bot");
			HtmlPage own = browser.open("/developers/registration-tokens");
			WebRequest foreign = new WebRequest(browser.url(revokePath), HttpMethod.POST);
			foreign.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("_csrf",
					own.getForms().getFirst().getInputByName("_csrf").getValue())));
			assertThat(browser.client().loadWebResponse(foreign).getStatusCode()).as("someone else's token")
				.isEqualTo(404);
		}
		assertThat(register(token).statusCode()).as("still open after a stranger tried").isEqualTo(201);

		try (Browser browser = new Browser(port)) {
			browser.signIn(owner.email(), owner.password());
			HtmlPage listed = browser.open("/developers/registration-tokens");
			HtmlPage revoked = browser.submit(listed, revokeForm(listed).getActionAttribute());
			assertThat(revoked.asNormalizedText()).contains("The token was revoked", "Revoked");
			String id = revokePath.replaceAll(".*/registration-tokens/(\\d+)/revoke", "$1");
			assertThat(audit.latest("registration-token:" + id, null, 10)).extracting(AuditLog.Event::action)
				.containsExactly("registration-token.revoked", "registration-token.issued");
		}
		assertThat(register(token).statusCode()).as("revoked").isEqualTo(401);
	}

	@Test
	void badInputIsShownNotAnError() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(owner.email(), owner.password());
			HtmlPage tooLong = browser.submit(browser.open("/developers/registration-tokens"),
					"/developers/registration-tokens", "validForDays", "400");
			assertThat(tooLong.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(tooLong.getHtmlElementById("problem").asNormalizedText())
				.contains("valid for 1 minute to 90 days");
			assertThat(tooLong.getElementById("issued-token")).isNull();

			HtmlPage tooMany = browser.submit(browser.open("/developers/registration-tokens"),
					"/developers/registration-tokens", "maxUses", "5000");
			assertThat(tooMany.getHtmlElementById("problem").asNormalizedText()).contains("1 to 1000 registrations");

			HtmlPage notANumber = browser.submit(browser.open("/developers/registration-tokens"),
					"/developers/registration-tokens", "validForDays", "soon");
			assertThat(notANumber.getWebResponse().getStatusCode()).isEqualTo(400);
		}
	}

	private static HtmlForm revokeForm(HtmlPage page) {
		return page.getForms()
			.stream()
			.filter(candidate -> candidate.getActionAttribute().endsWith("/revoke"))
			.findFirst()
			.orElseThrow();
	}

	private HttpResponse<String> register(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connect/register"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\": [\"https://bot.example/cb\"]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
