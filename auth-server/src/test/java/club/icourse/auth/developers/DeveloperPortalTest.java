package club.icourse.auth.developers;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.oauth.TestSite;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal over real HTTP: a person registers an app, uses it while it is pending with
 * a tester, a stranger is shown a page and gets no code, an administrator approves it in
 * the console, and the stranger can sign in; bad input is a 400 with its message.
 */
@AuthServerTest
class DeveloperPortalTest {

	static final URI CALLBACK = URI.create("http://127.0.0.1:9/portal/callback");

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	AuditLog audit;

	@Autowired
	DeveloperSettings settings;

	@TempDir
	Path files;

	@Test
	void registerUseWhilePendingApproveThenAnyoneSignsIn() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);
		Person tester = TestAccounts.registerAndConfirm(port);
		Person stranger = TestAccounts.registerAndConfirm(port);
		Person admin = TestAccounts.registerAdmin(port, dsl);
		TestSite site;
		String clientId;
		try (Browser browser = new Browser(port)) {
			browser.signIn(owner.email(), owner.password());
			HtmlPage registered = register(browser, "Course picker", CALLBACK.toString(), png());
			assertThat(registered.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(registered.getUrl().getPath()).startsWith("/developers/apps/");
			clientId = registered.getHtmlElementById("client-id").asNormalizedText();
			String secret = ((DomNode) registered.getHtmlElementById("new-secret").getFirstByXPath(".//code"))
				.asNormalizedText();
			assertThat(registered.asNormalizedText()).contains("Pending approval");
			site = TestSite.registered(clientId, secret, port, CALLBACK);

			HtmlPage withTester = browser.submit(registered, "/testers", "tester", tester.username());
			assertThat(withTester.getHtmlElementById("testers").asNormalizedText()).contains(tester.username());

			HtmlPage consent = browser.open(path(request(site, new CodeVerifier())));
			assertThat(consent.getUrl().getPath()).isEqualTo("/oauth2/consent");
			assertThat(consent.getHtmlElementById("unverified").asNormalizedText()).isEqualTo("Unverified");
			assertThat(consent.asNormalizedText()).contains("Registered by " + owner.username(), "Homepage",
					"Privacy policy", "Terms of service");
			assertThat(consent.getHtmlElementById("app-logo").getAttribute("src"))
				.startsWith("/developers/apps/" + clientId + "/logo");
			assertThat(browser.client()
				.loadWebResponse(
						new WebRequest(browser.url(consent.getHtmlElementById("app-logo").getAttribute("src"))))
				.getContentType()).isEqualTo("image/png");
		}
		assertThat(signsIn(site, owner)).as("the owner, while pending").isTrue();
		assertThat(signsIn(site, tester)).as("a tester, while pending").isTrue();
		try (Browser browser = new Browser(port)) {
			browser.signIn(stranger.email(), stranger.password());
			browser.client().getOptions().setRedirectEnabled(false);
			WebResponse refused = browser.client()
				.loadWebResponse(new WebRequest(request(site, new CodeVerifier()).toURL()));
			assertThat(refused.getStatusCode()).isEqualTo(403);
			assertThat(refused.getResponseHeaderValue("Location")).isNull();
			assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
				.contains("Course picker is not available to you yet", "waiting for an iCourse ID administrator");
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			HtmlPage queue = browser.open("/admin/developer-apps");
			assertThat(queue.asNormalizedText()).contains("Course picker", owner.username());
			HtmlForm decision = queue.getHtmlElementById("pending-" + clientId).getFirstByXPath(".//form");
			decision.getInputByName("reason").setValue("checked with the owner");
			HtmlPage decided = ((HtmlButton) decision.getFirstByXPath(".//button[@value='APPROVED']")).click();
			assertThat(decided.getHtmlElementById("decided").asNormalizedText()).contains("Course picker", "Approved",
					"checked with the owner");
		}
		assertThat(audit.latest(clientId, null, 20)).extracting(AuditLog.Event::action)
			.contains("developer-app.approved");
		assertThat(signsIn(site, stranger)).as("anyone, once approved").isTrue();
		try (Browser browser = new Browser(port)) {
			browser.signIn(owner.email(), owner.password());
			HtmlPage app = browser.open("/developers/apps/" + clientId);
			assertThat(app.getHtmlElementById("sign-ins").asNormalizedText()).contains("3");
			assertThat(app.asNormalizedText()).contains("checked with the owner");
		}
	}

	@Test
	void badInputIsA400WithItsMessage() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(owner.email(), owner.password());

			HtmlPage badRedirect = register(browser, "Bad redirect", "http://example.com/cb#x", null);
			assertThat(badRedirect.getWebResponse().getStatusCode())
				.as(badRedirect.getUrl() + " " + badRedirect.asNormalizedText())
				.isEqualTo(400);
			assertThat(badRedirect.asNormalizedText())
				.contains("http://example.com/cb#x is not an absolute URI without a fragment");

			HtmlPage notHttps = register(browser, "Plain http", "http://example.com/cb", null);
			assertThat(notHttps.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(notHttps.asNormalizedText()).contains("must use https");

			HtmlPage notAnImage = register(browser, "Not an image", CALLBACK.toString(),
					"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
			assertThat(notAnImage.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(notAnImage.asNormalizedText()).contains("The logo must be a PNG, JPEG or GIF image.");
			assertThat(browser.open("/developers").asNormalizedText()).contains("You have not registered an app yet");

			HtmlPage app = register(browser, "Many testers", CALLBACK.toString(), null);
			for (int i = 0; i < settings.maxTesters(); i++) {
				app = browser.submit(app, "/testers", "tester", TestAccounts.registerAndConfirm(port).username());
				assertThat(app.getWebResponse().getStatusCode()).isEqualTo(200);
			}
			HtmlPage tooMany = browser.submit(app, "/testers", "tester",
					TestAccounts.registerAndConfirm(port).username());
			assertThat(tooMany.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(tooMany.getHtmlElementById("problems").asNormalizedText())
				.contains("at most " + settings.maxTesters() + " testers");

			HtmlPage unknownTester = browser.submit(app, "/testers", "tester", "nobody-by-this-name");
			assertThat(unknownTester.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(unknownTester.asNormalizedText()).contains("There is no account with this email or username.");
		}
	}

	HtmlPage register(Browser browser, String name, String redirectUri, byte[] logo) throws Exception {
		HtmlPage form = browser.open("/developers/new");
		HtmlForm app = form.getHtmlElementById("app-form");
		app.getInputByName("name").setValue(name);
		app.getInputByName("homepageUri").setValue("https://picker.example");
		app.getInputByName("policyUri").setValue("https://picker.example/privacy");
		app.getInputByName("tosUri").setValue("https://picker.example/terms");
		app.getTextAreaByName("redirectUris").setText(redirectUri);
		app.getInputByValue("profile").setChecked(true);
		if (logo != null) {
			Path file = files.resolve("logo-" + System.nanoTime() + ".png");
			Files.write(file, logo);
			((HtmlFileInput) app.getInputByName("logo")).setFiles(file.toFile());
		}
		return ((HtmlButton) app.getFirstByXPath(".//button[@type='submit']")).click();
	}

	URI request(TestSite site, CodeVerifier verifier) {
		return site.authorizationRequest(verifier, new Nonce(), "openid profile", CALLBACK);
	}

	/**
	 * Signs the person in at the site through the consent page; whether the site got
	 * tokens.
	 */
	boolean signsIn(TestSite site, Person person) throws Exception {
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			CodeVerifier verifier = new CodeVerifier();
			URI next = TestSite.follow(browser, request(site, verifier));
			String location = next.toString();
			if (next.getPath().equals("/oauth2/consent")) {
				HtmlPage consent = browser.open(path(next));
				location = ((HtmlButton) consent.getHtmlElementById("allow").getFirstByXPath(".//button")).click()
					.getWebResponse()
					.getResponseHeaderValue("Location");
			}
			TokenResponse tokens = site.redeem(new AuthorizationCode(TestSite.parameter(URI.create(location), "code")),
					verifier);
			return tokens.indicatesSuccess();
		}
	}

	static String path(URI uri) {
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	static byte[] png() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", png);
		return png.toByteArray();
	}

}
