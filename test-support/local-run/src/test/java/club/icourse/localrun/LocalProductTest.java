package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The run command's work, end to end: both apps come up from their jars on an embedded
 * database.
 */
class LocalProductTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void bringsUpBothAppsTheMailCatcherAndTheDatabase() throws Exception {
		String version = System.getProperty("project.version");
		Path root = Path.of("../..").toAbsolutePath().normalize();
		LocalProduct.Settings settings = new LocalProduct.Settings(Path.of("target/local-run-test").toAbsolutePath(),
				root.resolve("auth-server/target/auth-server-" + version + ".jar"),
				root.resolve("review-app/target/review-app-" + version + ".jar"), Ports.free(), Ports.free());

		try (LocalProduct product = LocalProduct.start(settings)) {
			assertThat(get(product.authUrl() + "/?lang=en")).contains("<title>iCourse ID</title>");
			assertThat(get(product.reviewUrl() + "/?lang=en")).contains("<title>iCourse course reviews</title>");
			assertThat(get(product.mailUrl())).contains("Mail catcher");
			assertThat(product.banner()).contains(product.authUrl(), product.reviewUrl(), product.mailUrl());
			assertThat(signInAsDemoStudent(product.authUrl())).contains("demo-student", "student@mail.ustc.edu.cn");
			signInAndOutAtTheReviewSiteThroughTheProvider(product.authUrl(), product.reviewUrl());
			deletingTheAccountRemovesTheProfileAtTheReviewSite(product.authUrl(), product.reviewUrl());
		}
	}

	/**
	 * Deleting the account at iCourse ID reaches the review site
	 * (docs/account-deletion.md): its logout token with the account-purged event,
	 * delivered in the background, ends the person's session there and removes their
	 * profile. Last, as it deletes the demo student.
	 */
	private void deletingTheAccountRemovesTheProfileAtTheReviewSite(String authUrl, String reviewUrl) throws Exception {
		String profile = reviewUrl + "/people/demo-student";
		try (WebClient browser = LocalBrowsers.browser()) {
			LocalBrowsers.signInAtTheReviewSite(browser, reviewUrl);
			assertThat(status(profile)).isEqualTo(200);

			HtmlPage account = browser.getPage(authUrl + "/account");
			HtmlForm deletion = account.getForms()
				.stream()
				.filter(f -> f.getActionAttribute().endsWith("/account/delete"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No deletion form on " + account.getUrl()));
			deletion.getInputByName("password").setValue(LocalProduct.DEMO_PASSWORD);
			((HtmlButton) deletion.getFirstByXPath(".//button[@type='submit']")).click();

			Instant deadline = Instant.now().plusSeconds(60);
			while (status(profile) != 404) {
				assertThat(Instant.now()).as("the profile at the review site is gone within 60 s").isBefore(deadline);
				Thread.onSpinWait();
			}
			assertThat(browser.getPage(reviewUrl + "/").getWebResponse().getContentAsString())
				.as("the person's review-site session ended")
				.doesNotContain("demo-student");
		}
	}

	private int status(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * The review site signs people in through iCourse ID, registered as its first-party
	 * client by the local run. Signing out is single sign-out both ways: signing out of
	 * the review site ends the iCourse ID session too (RP-initiated logout), and signing
	 * out at iCourse ID signs them out of the review site (back-channel logout).
	 */
	private static void signInAndOutAtTheReviewSiteThroughTheProvider(String authUrl, String reviewUrl)
			throws IOException {
		try (WebClient browser = LocalBrowsers.browser()) {
			LocalBrowsers.signInAtTheReviewSite(browser, reviewUrl);
			HtmlPage back = press(browser.getPage(reviewUrl + "/"), "/logout");
			assertThat(back.getUrl().toString()).as(back.asNormalizedText()).startsWith(reviewUrl);
			assertThat(back.asNormalizedText()).contains("Sign in").doesNotContain("demo-student", "Sign out");
			HtmlPage provider = browser.getPage(authUrl + "/account");
			assertThat(provider.getUrl().getPath()).isEqualTo("/login");

			LocalBrowsers.signInAtTheReviewSite(browser, reviewUrl);
			press(browser.getPage(authUrl + "/account"), "/logout");
			HtmlPage after = browser.getPage(reviewUrl + "/");
			assertThat(after.asNormalizedText()).contains("Sign in").doesNotContain("demo-student", "Sign out");
		}
	}

	private static HtmlPage press(HtmlPage page, String formAction) throws IOException {
		HtmlForm form = page.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().endsWith(formAction))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form to " + formAction + " on " + page.getUrl()));
		return ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
	}

	/**
	 * The banner's demo account works: the local profile created it with the password the
	 * banner prints.
	 */
	private static String signInAsDemoStudent(String authUrl) throws IOException {
		try (WebClient browser = LocalBrowsers.browser()) {
			HtmlPage login = browser.getPage(authUrl + "/login");
			HtmlForm form = login.getForms().getFirst();
			form.getInputByName("username").setValue("student@mail.ustc.edu.cn");
			form.getInputByName("password").setValue(LocalProduct.DEMO_PASSWORD);
			HtmlPage account = ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
			return account.asNormalizedText();
		}
	}

	private String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

}
