package club.icourse.auth.passkeys;

import static club.icourse.db.auth.Tables.SIGN_IN_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.SoftwareAuthenticator;
import club.icourse.auth.SoftwareAuthenticator.Answer;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.account.AccountRepository;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Passkeys end to end over HTTP, with a software authenticator in place of the browser's:
 * registered on the account page, listed, renamed, removed, and signing in alone; and the
 * assertions that must be refused.
 */
@AuthServerTest
class PasskeysTest {

	@LocalServerPort
	int port;

	@Autowired
	PasskeySettings settings;

	@Autowired
	DSLContext dsl;

	@Autowired
	AccountRepository accounts;

	@Test
	void aPersonRegistersAPasskeyAndSignsInWithItAlone() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = registered(person, "My laptop");

		try (Browser browser = new Browser(port)) {
			Answer answer = passkey.signIn(browser, origin());
			assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
			assertThat(answer.body().get("authenticated").asBoolean()).isTrue();
			assertThat(answer.body().get("redirectUrl").asString()).endsWith("/account");

			HtmlPage account = browser.open("/account");
			assertThat(account.getUrl().getPath()).isEqualTo("/account");
			assertThat(account.asNormalizedText()).contains(person.username(), "My laptop", "last used",
					"Signed in with a passkey");
			assertThat(account.asNormalizedText()).as("in the school's time, labelled")
				.containsPattern("last used [0-9-]+ [0-9:]+ UTC\\+8");
		}
	}

	@Test
	void passkeysAreNamedListedRenamedAndRemovedByTheirOwnerOnly() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		Person other = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator phone = registered(person, "Phone");
		registered(person, "Security key");
		SoftwareAuthenticator othersKey = registered(other, "Other's key");

		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			HtmlPage account = browser.open("/account");
			assertThat(account.querySelectorAll(".passkey-name")).extracting(node -> node.getTextContent())
				.containsExactlyInAnyOrder("Phone", "Security key");
			assertThat(account.asNormalizedText()).contains("not used yet");

			HtmlPage renamed = browser.submit(account, "/account/passkeys/" + phone.credentialId() + "/rename", "name",
					"Work phone");
			assertThat(renamed.asNormalizedText()).contains("Passkey renamed.", "Work phone");

			HtmlPage removed = browser.submit(renamed, "/account/passkeys/" + phone.credentialId() + "/remove");
			assertThat(removed.asNormalizedText()).contains("Passkey removed");
			assertThat(removed.querySelectorAll(".passkey-name")).extracting(node -> node.getTextContent())
				.containsExactly("Security key");

			assertThat(browser.client()
				.getPage(postTo(browser, removed, "/account/passkeys/" + othersKey.credentialId() + "/remove"))
				.getWebResponse()
				.getStatusCode()).as("another account's passkey").isEqualTo(404);
		}
		try (Browser browser = new Browser(port)) {
			Answer refused = phone.signIn(browser, origin());
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.body().get("message").asString()).contains("not registered here");
		}
		try (Browser browser = new Browser(port)) {
			assertThat(othersKey.signIn(browser, origin()).status()).as("the other account's key still works")
				.isEqualTo(200);
		}
	}

	@Test
	void addingOrRemovingAPasskeyAsksForThePasswordFirst() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator laptop = registered(person, "Laptop");
		try (Browser browser = new Browser(port)) {
			// Signed in with the passkey: no password typed in this sign-in.
			assertThat(laptop.signIn(browser, origin()).status()).isEqualTo(200);
			HtmlPage account = browser.open("/account");
			assertThat(account.getElementById("passkey-register")).isNull();
			assertThat(account.asNormalizedText())
				.contains("To add or remove a passkey, confirm your password (it counts for 5 minutes).");
			assertThat(account.getForms()).noneMatch(form -> form.getActionAttribute().endsWith("/remove"));

			// Spring Security's registration endpoints refuse, with the reason.
			for (String path : List.of("/webauthn/register/options", "/webauthn/register")) {
				WebRequest post = postTo(browser, account, path);
				post.setAdditionalHeader("Accept", "application/json");
				var refused = browser.client().loadWebResponse(post);
				assertThat(refused.getStatusCode()).as(path).isEqualTo(403);
				assertThat(refused.getContentAsString()).as(path).contains("asks for your password first");
			}
			HtmlPage notRemoved = browser.client()
				.getPage(postTo(browser, account, "/account/passkeys/" + laptop.credentialId() + "/remove"));
			assertThat(notRemoved.asNormalizedText()).contains("asks for your password first");
			assertThat(notRemoved.querySelectorAll(".passkey-name")).hasSize(1);

			HtmlPage confirmed = browser.submit(account, "/account/security/password", "password", person.password());
			assertThat(confirmed.getUrl().getPath()).isEqualTo("/account");
			assertThat(confirmed.getElementById("passkey-register")).isNotNull();
			Answer added = new SoftwareAuthenticator(settings.rpId(), false).register(browser, origin(), "Phone");
			assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
			HtmlPage removed = browser.submit(browser.open("/account"),
					"/account/passkeys/" + laptop.credentialId() + "/remove");
			assertThat(removed.querySelectorAll(".passkey-name")).extracting(node -> node.getTextContent())
				.containsExactly("Phone");
		}
	}

	@Test
	void theFrameworksUnauditedRemovalIsClosed() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = registered(person, "Laptop");
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			HtmlElement form = browser.open("/account").getHtmlElementById("passkey-register");
			for (String id : List.of(passkey.credentialId(), "not*base64")) {
				WebRequest delete = new WebRequest(browser.url("/webauthn/register/" + id), HttpMethod.DELETE);
				delete.setAdditionalHeader(form.getAttribute("data-csrf-header"), form.getAttribute("data-csrf-token"));
				assertThat(browser.client().loadWebResponse(delete).getStatusCode()).as(id).isEqualTo(403);
			}
			assertThat(browser.open("/account").querySelectorAll(".passkey-name")).hasSize(1);
		}
	}

	@Test
	void aPasskeyNeedsANameOfAtMostOneHundredCharacters() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			Answer refused = new SoftwareAuthenticator(settings.rpId(), false).register(browser, origin(),
					"x".repeat(101));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body().get("message").asString()).contains("at most 100 characters");
		}
	}

	@Test
	void aPasskeyMadeForAnotherSiteIsNotRegistered() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			Answer refused = new SoftwareAuthenticator(settings.rpId(), false).register(browser,
					"https://icourse.example.org", "Phishing");
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body().get("message").asString()).contains("another site");
			assertThat(browser.open("/account").asNormalizedText()).contains("You have no passkeys yet.");
		}
	}

	@Test
	void aPasskeyUnknownHereIsRefused() throws IOException {
		try (Browser browser = new Browser(port)) {
			Answer refused = new SoftwareAuthenticator(settings.rpId(), false).signIn(browser, origin(), new byte[32]);
			assertThat(refused.status()).as("an unknown passkey").isEqualTo(401);
			assertThat(refused.body().get("message").asString()).contains("not registered here");
		}
	}

	@Test
	void anAssertionForAnotherSiteIsRefusedAndCountsTowardTheAccountsBackOff() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = registered(person, "Laptop");
		long accountId = accounts.findCredentials(person.email()).orElseThrow().account().id();
		try (Browser browser = new Browser(port)) {
			for (int i = 0; i < 5; i++) {
				Answer refused = passkey.signIn(browser, "https://icourse.example.org");
				assertThat(refused.status()).isEqualTo(401);
				assertThat(refused.body().get("message").asString()).contains("made for another site");
			}
			assertThat(dsl.fetchCount(SIGN_IN_ATTEMPT,
					SIGN_IN_ATTEMPT.ACCOUNT_ID.eq(accountId).and(SIGN_IN_ATTEMPT.OUTCOME.eq("PASSKEY_REFUSED"))))
				.isEqualTo(5);
			assertThat(browser.open("/account").getUrl().getPath()).as("not signed in").isEqualTo("/login");

			assertThat(browser.signIn(person.username(), person.password()).getUrl().getQuery())
				.as("the password waits too")
				.startsWith("wait=");
			Answer waiting = passkey.signIn(browser, origin());
			assertThat(waiting.status()).isEqualTo(429);
			assertThat(waiting.body().get("message").asString()).contains("Too many failed attempts");
		}
	}

	@Test
	void anAssertionNamingAnotherAccountIsRefused() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		Person other = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = registered(person, "Laptop");
		SoftwareAuthenticator othersPasskey = registered(other, "Phone");
		try (Browser browser = new Browser(port)) {
			Answer refused = passkey.signIn(browser, origin(),
					Base64.getUrlDecoder().decode(othersPasskey.userHandle()));
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.body().get("message").asString()).contains("another account");
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");
		}
	}

	@Test
	void theSignInPageOffersPasskeysInBothLanguages() throws IOException {
		try (Browser browser = new Browser(port, Locale.SIMPLIFIED_CHINESE)) {
			assertThat(browser.open("/login").getHtmlElementById("passkey-sign-in").getTextContent())
				.isEqualTo("使用通行密钥登录");
		}
		try (Browser browser = new Browser(port)) {
			assertThat(browser.open("/login").getHtmlElementById("passkey-sign-in").getTextContent())
				.isEqualTo("Sign in with a passkey");
		}
	}

	private SoftwareAuthenticator registered(Person person, String name) throws IOException {
		SoftwareAuthenticator passkey = new SoftwareAuthenticator(settings.rpId(), false);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			Answer answer = passkey.register(browser, origin(), name);
			assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
			assertThat(answer.body().get("success").asBoolean()).isTrue();
		}
		return passkey;
	}

	private String origin() {
		return settings.origins().getFirst();
	}

	/** A form post the page does not offer, with the page's CSRF token. */
	private static WebRequest postTo(Browser browser, HtmlPage page, String path) throws IOException {
		WebRequest request = new WebRequest(browser.url(path), HttpMethod.POST);
		HtmlInput csrf = page.getFirstByXPath("//input[@name='_csrf']");
		request.setRequestParameters(List.of(new NameValuePair("_csrf", csrf.getValue())));
		return request;
	}

}
