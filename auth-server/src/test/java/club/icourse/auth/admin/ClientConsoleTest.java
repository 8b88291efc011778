package club.icourse.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientKeys;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.developers.DeveloperSettings;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin console, driven in a browser: register a site, see its secret once, change
 * it, rotate it, switch it off.
 */
@AuthServerTest
class ClientConsoleTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	ClientRegistry registry;

	@Autowired
	DeveloperSettings settings;

	private final HttpClient http = HttpClient.newHttpClient();

	private Person admin;

	@BeforeEach
	void anAdministrator() throws IOException {
		admin = TestAccounts.registerAdmin(port, dsl);
	}

	@Test
	void anAdministratorRegistersASiteWhoseSecretIsShownOnceAndWorks() throws Exception {
		String clientId = "console-" + UUID.randomUUID().toString().substring(0, 8);
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			assertThat(browser.open("/account").asNormalizedText()).contains("Administration");

			HtmlPage created = register(browser, clientId,
					"https://site.example/callback\nhttp://127.0.0.1:7/callback");
			String secret = created.getHtmlElementById("new-secret").querySelector("code").getTextContent();
			assertThat(secret).hasSizeGreaterThan(40);
			assertThat(introspectAs(clientId, secret)).as("the new secret works").isEqualTo(200);
			assertThat(browser.open("/admin/clients/" + clientId).asNormalizedText()).as("shown once")
				.doesNotContain(secret)
				.contains("client.created");
			assertThat(browser.open("/admin/clients").asNormalizedText()).contains("Console site", clientId);

			// The site is live at the protocol: a signed-in person is asked to consent to
			// it by name.
			HtmlPage consent = browser.open("/oauth2/authorize?response_type=code&client_id=" + clientId
					+ "&scope=openid%20email&redirect_uri=https://site.example/callback&code_challenge_method=S256"
					+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=s");
			assertThat(consent.asNormalizedText()).contains("Console site asks to sign you in");

			HtmlPage rotated = click(browser.open("/admin/clients/" + clientId), "/secret");
			String graceSecret = rotated.getHtmlElementById("new-secret").querySelector("code").getTextContent();
			assertThat(rotated.getHtmlElementById("old-secret-grace").asNormalizedText())
				.contains("keeps working for " + settings.secretGrace().toDays() + " days");
			assertThat(introspectAs(clientId, secret)).as("the old secret, in its grace period").isEqualTo(200);
			assertThat(introspectAs(clientId, graceSecret)).as("the new secret").isEqualTo(200);

			HtmlForm rotate = browser.open("/admin/clients/" + clientId).getHtmlElementById("rotate-secret");
			HtmlPage ended = ((HtmlButton) rotate.getFirstByXPath(".//button[@name='endOldNow']")).click();
			String newSecret = ended.getHtmlElementById("new-secret").querySelector("code").getTextContent();
			assertThat(ended.getHtmlElementById("old-secret-ended").asNormalizedText()).contains("at once");
			assertThat(introspectAs(clientId, graceSecret)).as("ended at once").isEqualTo(401);
			assertThat(introspectAs(clientId, secret)).as("the one still in its grace period too").isEqualTo(401);
			assertThat(introspectAs(clientId, newSecret)).as("the new secret").isEqualTo(200);

			HtmlPage disabled = click(browser.open("/admin/clients/" + clientId), "/disable");
			assertThat(disabled.asNormalizedText()).contains("switched off");
			assertThat(introspectAs(clientId, newSecret)).as("a switched-off client").isEqualTo(401);
			click(browser.open("/admin/clients/" + clientId), "/enable");
			assertThat(introspectAs(clientId, newSecret)).as("switched on again").isEqualTo(200);

			assertThat(browser.open("/admin/audit?target=" + clientId).asNormalizedText()).contains("client.created",
					"client.secret-rotated", "client.disabled", "client.enabled", admin.username());
		}
	}

	@Test
	void editingAPrivateKeyJwtClientKeepsItsKeysAndGivesItNoSecret() throws Exception {
		String clientId = "keys-" + UUID.randomUUID().toString().substring(0, 8);
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		ClientKeys keys = new ClientKeys(null, "{\"keys\": [" + key.toPublicJWK().toJSONString() + "]}", null);
		registry.create(
				new ClientDefinition(clientId, "Keys site", true, false, List.of("https://keys.example/cb"), List.of(),
						null, Set.of("openid", "profile"), true, null, null, "RS256", false, false, keys),
				Actor.SYSTEM);
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			HtmlPage page = browser.open("/admin/clients/" + clientId);
			assertThat(page.getElementById("rotate-secret")).as("no secret to rotate").isNull();
			HtmlForm form = page.getHtmlElementById("client-form");
			form.getInputByName("name").setValue("Keys site, renamed");
			HtmlPage saved = submit(form);
			assertThat(saved.getUrl().toString()).as(saved.asNormalizedText()).endsWith("?saved");
			assertThat(saved.getElementById("new-secret")).as("no secret generated").isNull();
		}
		ClientDefinition after = registry.find(clientId).orElseThrow().definition();
		assertThat(after.name()).isEqualTo("Keys site, renamed");
		assertThat(after.keys()).as("still private_key_jwt").isNotNull();
		assertThat(after.keys().jwks()).contains("k1");
		assertThat(after.hasSecret()).isFalse();
	}

	@Test
	void badSettingsAreExplainedAndNothingIsSaved() throws Exception {
		String clientId = "console-" + UUID.randomUUID().toString().substring(0, 8);
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			register(browser, clientId, "https://site.example/callback");

			HtmlPage edit = browser.open("/admin/clients/" + clientId);
			HtmlForm form = edit.getHtmlElementById("client-form");
			form.getTextAreaByName("redirectUris").setText("http://site.example/callback\nhttps://localhost/cb");
			form.getInputByName("accessTokenMinutes").setValue("ten");
			HtmlPage refused = submit(form);
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(refused.asNormalizedText()).contains("nothing was saved",
					"http://site.example/callback must use https", "use 127.0.0.1 or [::1] instead of localhost",
					"Between 1 and 60 minutes");

			HtmlPage stored = browser.open("/admin/clients/" + clientId);
			assertThat(
					((HtmlForm) stored.getHtmlElementById("client-form")).getTextAreaByName("redirectUris").getText())
				.isEqualTo("https://site.example/callback");

			HtmlPage taken = browser.open("/admin/clients/new");
			HtmlForm again = taken.getHtmlElementById("client-form");
			again.getInputByName("clientId").setValue(clientId);
			again.getInputByName("name").setValue("Another");
			again.getTextAreaByName("redirectUris").setText("https://other.example/cb");
			assertThat(submit(again).asNormalizedText()).contains("Another client already has the ID " + clientId);

			assertThat(browser.open("/admin/clients/no-such-client").getWebResponse().getStatusCode()).isEqualTo(404);
		}
	}

	@Test
	void thePkceExceptionAndTheResourceServerSettingAreOffByDefaultAndEditable() throws Exception {
		String clientId = "console-" + UUID.randomUUID().toString().substring(0, 8);
		String withoutPkce = "/oauth2/authorize?response_type=code&client_id=" + clientId
				+ "&scope=openid%20email&redirect_uri=https://site.example/callback&state=s";
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			register(browser, clientId, "https://site.example/callback");
			HtmlForm form = browser.open("/admin/clients/" + clientId).getHtmlElementById("client-form");
			assertThat(form.getInputByName("withoutPkce").isChecked()).isFalse();
			assertThat(form.getInputByName("resourceServer").isChecked()).isFalse();
			browser.client().getOptions().setRedirectEnabled(false);
			String refused = browser.client()
				.loadWebResponse(new WebRequest(browser.url(withoutPkce)))
				.getResponseHeaderValue("Location");
			assertThat(refused).startsWith("https://site.example/callback?error=invalid_request");
			browser.client().getOptions().setRedirectEnabled(true);

			form.getInputByName("withoutPkce").setChecked(true);
			form.getInputByName("resourceServer").setChecked(true);
			submit(form);
			HtmlForm stored = browser.open("/admin/clients/" + clientId).getHtmlElementById("client-form");
			assertThat(stored.getInputByName("withoutPkce").isChecked()).isTrue();
			assertThat(stored.getInputByName("resourceServer").isChecked()).isTrue();
			assertThat(browser.open("/admin/clients").asNormalizedText()).contains("Resource server",
					"Without PKCE (legacy)");
			assertThat(browser.open(withoutPkce).asNormalizedText()).as("the legacy exception")
				.contains("Console site asks to sign you in");

			HtmlForm asPublic = browser.open("/admin/clients/" + clientId).getHtmlElementById("client-form");
			asPublic.getInputByName("confidential").setChecked(false);
			assertThat(submit(asPublic).asNormalizedText()).contains("A public client must always use PKCE.",
					"Only a confidential client can be a resource server.");
		}
	}

	@Test
	void peopleWhoAreNotAdministratorsCannotSeeTheConsole() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			assertThat(browser.open("/admin/clients").getUrl().getPath()).as("signed out: to the sign-in page")
				.isEqualTo("/login");
			browser.signIn(person.email(), person.password());
			assertThat(browser.open("/admin/clients").getWebResponse().getStatusCode()).isEqualTo(403);
			assertThat(browser.open("/admin/audit").getWebResponse().getStatusCode()).isEqualTo(403);
			assertThat(browser.open("/account").asNormalizedText()).doesNotContain("Administration");
		}
	}

	private static HtmlPage register(Browser browser, String clientId, String redirectUris) throws IOException {
		HtmlPage page = browser.open("/admin/clients/new");
		HtmlForm form = page.getHtmlElementById("client-form");
		form.getInputByName("clientId").setValue(clientId);
		form.getInputByName("name").setValue("Console site");
		form.getTextAreaByName("redirectUris").setText(redirectUris);
		HtmlPage created = submit(form);
		assertThat(created.getUrl().getPath()).as(created.asNormalizedText()).isEqualTo("/admin/clients/" + clientId);
		return created;
	}

	private static HtmlPage submit(HtmlForm form) throws IOException {
		return ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
	}

	private static HtmlPage click(HtmlPage page, String actionEnding) throws IOException {
		HtmlForm form = page.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().endsWith(actionEnding))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + actionEnding + " on " + page.asNormalizedText()));
		return submit(form);
	}

	/**
	 * The status of an introspection request authenticated as the client: 200 when its
	 * secret is right, 401 otherwise.
	 */
	private int introspectAs(String clientId, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/introspect"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=not-a-token"))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
