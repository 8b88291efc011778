package club.icourse.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.testsupport.browser.PolicyWatchingChrome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A passkey added and used in a real browser, with Chromium's virtual authenticator (a
 * platform authenticator that holds discoverable credentials and verifies the user), the
 * Content-Security-Policy on. The server listens on a port chosen beforehand, as the
 * page's origin must be one the relying party allows.
 */
@AuthServerTest
class PasskeysInChromeTest {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void origin(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("icourse.passkeys.origins", () -> url(""));
	}

	@BeforeAll
	static void chromium() {
		if (!PolicyWatchingChrome.installed()) {
			assertThat(System.getenv("CI")).as("CI installs chromium and chromium-driver (.ci/run)")
				.isNotEqualTo("true");
			Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver");
		}
	}

	@Test
	void aPersonAddsAPasskeyAndSignsInWithItWithoutPolicyViolations() throws IOException {
		Person person = TestAccounts.registerAndConfirm(PORT);
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) chrome.driver()).addVirtualAuthenticator(
					new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
						.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
						.setHasResidentKey(true)
						.setHasUserVerification(true)
						.setIsUserVerified(true));

			chrome.open(url("/login"));
			chrome.type("username", person.username());
			chrome.type("password", person.password());
			chrome.driver().findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
			chrome.waitUntil("the account page", driver -> driver.getCurrentUrl().endsWith("/account"));

			chrome.driver().findElement(By.id("passkey-name")).sendKeys("Chromium");
			chrome.driver().findElement(By.cssSelector("#passkey-register button[type='submit']")).click();
			chrome.waitUntil("the passkey added", driver -> driver.getCurrentUrl().contains("passkeyAdded"));
			assertThat(chrome.driver().findElements(By.cssSelector(".passkey-name")))
				.extracting(element -> element.getText())
				.containsExactly("Chromium");
			assertThat(authenticator.getCredentials()).hasSize(1);
			assertThat(chrome.violations()).as("adding a passkey").isEmpty();

			chrome.driver().findElement(By.cssSelector("form[action$='/logout'] button[type='submit']")).click();
			chrome.waitUntil("signed out", driver -> !driver.getCurrentUrl().endsWith("/account"));

			chrome.open(url("/login"));
			chrome.driver().findElement(By.id("passkey-sign-in")).click();
			chrome.waitUntil("the account page after the passkey",
					driver -> driver.getCurrentUrl().endsWith("/account"));
			assertThat(chrome.driver().findElement(By.tagName("main")).getText()).contains(person.username(),
					"Signed in with a passkey");
			assertThat(chrome.violations()).as("signing in with a passkey").isEmpty();
		}
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
