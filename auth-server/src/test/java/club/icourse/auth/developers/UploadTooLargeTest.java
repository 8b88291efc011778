package club.icourse.auth.developers;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A logo over the container's 5 MB limit, on the registration form or the app page, gets
 * a 413 page that says what the limits are (not a CSRF refusal, an error page or a reset
 * connection), and nothing is saved; one between 1 and 5 MB is the form's own message.
 */
@AuthServerTest
class UploadTooLargeTest {

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	@Test
	void aLogoOverTheLimitGetsAPageThatSaysSo() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);
		Path huge = files.resolve("huge.png");
		Files.write(huge, new byte[6 * 1024 * 1024]);
		Path large = files.resolve("large.png");
		Files.write(large, new byte[2 * 1024 * 1024]);
		try (Browser browser = new Browser(port)) {
			browser.signIn(owner.email(), owner.password());

			HtmlPage refused = register(browser, "Huge logo", huge);
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(413);
			assertThat(refused.getHtmlElementById("too-large").asNormalizedText()).contains("larger than 5 MB",
					"at most 1 MB");
			assertThat(browser.open("/developers").asNormalizedText()).doesNotContain("Huge logo");

			HtmlPage overOwnLimit = register(browser, "Large logo", large);
			assertThat(overOwnLimit.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(overOwnLimit.asNormalizedText()).contains("The logo may be at most 1 MB.");

			HtmlPage app = register(browser, "No logo", null);
			assertThat(app.getWebResponse().getStatusCode()).isEqualTo(200);
			HtmlForm change = app.getHtmlElementById("change-logo");
			((HtmlFileInput) change.getInputByName("logo")).setFiles(huge.toFile());
			HtmlPage changed = ((HtmlButton) change.getFirstByXPath(".//button[@type='submit']")).click();
			assertThat(changed.getWebResponse().getStatusCode()).isEqualTo(413);
			assertThat(changed.getHtmlElementById("too-large").asNormalizedText()).contains("larger than 5 MB");
		}
	}

	private HtmlPage register(Browser browser, String name, Path logo) throws Exception {
		HtmlForm form = browser.open("/developers/new").getHtmlElementById("app-form");
		form.getInputByName("name").setValue(name);
		form.getTextAreaByName("redirectUris").setText("http://127.0.0.1:9/cb");
		if (logo != null) {
			((HtmlFileInput) form.getInputByName("logo")).setFiles(logo.toFile());
		}
		return ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
	}

}
