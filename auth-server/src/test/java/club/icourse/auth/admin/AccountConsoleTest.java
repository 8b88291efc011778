package club.icourse.auth.admin;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.ACCOUNT_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.auth.SoftwareAuthenticator;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.TestTotp;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.passkeys.PasskeySettings;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Account administration in the console, driven in a browser: find an account by any of
 * its names, see it, and each action, audited.
 */
@AuthServerTest
class AccountConsoleTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	AuditLog audit;

	@Autowired
	PasskeySettings passkeys;

	private Person admin;

	@BeforeEach
	void anAdministrator() throws IOException {
		admin = TestAccounts.registerAdmin(port, dsl);
	}

	@Test
	void findsAnAccountByEmailUsernameOrAnySpellingOfItsSignInName() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			for (String query : new String[] { person.email(), person.username(), fullWidth(person.username()),
					person.email().toUpperCase() }) {
				assertThat(find(browser, query).asNormalizedText()).as(query)
					.contains(person.username(), person.email());
			}
			assertThat(find(browser, "nobody-" + person.username()).asNormalizedText())
				.contains("No account has that email, username or sign-in name");
		}
	}

	@Test
	void disablingSignsThePersonOutAndTheirRightPasswordThenFailsAsAWrongOneUntilEnabled() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port);
				Browser owner = new Browser(port);
				Browser guesser = new Browser(port)) {
			owner.signIn(person.email(), person.password());
			assertThat(owner.open("/account").getUrl().getPath()).isEqualTo("/account");
			String wrongPassword = guesser.signIn(person.email(), "not the password").asNormalizedText();

			browser.signIn(admin.email(), admin.password());
			HtmlPage shown = accountPage(browser, person);
			assertThat(shown.asNormalizedText()).contains("Active", "USER", "Recent sign-ins", "Signed in",
					"shown as by a deleted user");
			HtmlPage disabled = click(shown, "/disable");
			assertThat(disabled.asNormalizedText()).contains("Disabled", "account.disabled");

			assertThat(owner.open("/account").getUrl().getPath()).as("the person's session ended").isEqualTo("/login");
			HtmlPage refused = owner.signIn(person.email(), person.password());
			assertThat(refused.getUrl().getQuery()).as("the right password").isEqualTo("error");
			assertThat(refused.asNormalizedText()).as("the same answer as a wrong password").isEqualTo(wrongPassword);
			assertThat(owner.signIn(person.username(), person.password()).getUrl().getQuery()).isEqualTo("error");

			assertThat(click(accountPage(browser, person), "/enable").asNormalizedText()).contains("Active");
			assertThat(owner.signIn(person.email(), person.password()).getUrl().getPath()).isNotEqualTo("/login");
			assertThat(audit.latest(subjectOf(person), null, 10)).extracting(AuditLog.Event::action)
				.contains("account.disabled", "account.enabled");
		}
	}

	@Test
	void rolesAreGrantedAndRevokedAndTheWaitAfterFailuresIsLifted() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port); Browser owner = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			click(accountPage(browser, person), "/roles/grant");
			assertThat(roles(person)).containsExactly("ADMIN");
			click(accountPage(browser, person), "/roles/revoke");
			assertThat(roles(person)).isEmpty();

			for (int i = 0; i < 6; i++) {
				owner.signIn(person.username(), "wrong password " + i);
			}
			assertThat(owner.signIn(person.username(), person.password()).getUrl().getQuery()).startsWith("wait=");
			assertThat(click(accountPage(browser, person), "/backoff/clear").asNormalizedText())
				.contains("The sign-in wait is lifted");
			assertThat(owner.signIn(person.username(), person.password()).getUrl().getPath()).isNotEqualTo("/login");
			assertThat(audit.latest(subjectOf(person), null, 10)).extracting(AuditLog.Event::action)
				.contains("account.role-granted", "account.role-revoked", "account.backoff-cleared");
		}
	}

	@Test
	void aLostFactorIsRemovedAfterTheChecksThePageStatesAndAudited() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = new SoftwareAuthenticator(passkeys.rpId(), false);
		try (Browser owner = new Browser(port)) {
			owner.signIn(person.email(), person.password());
			assertThat(passkey.register(owner, passkeys.origins().getFirst(), "Old phone").status()).isEqualTo(200);
			TestTotp.enrol(owner, person.password());
		}
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			HtmlPage page = accountPage(browser, person);
			assertThat(page.querySelectorAll(".factor-name")).extracting(node -> node.getTextContent().strip())
				.containsExactlyInAnyOrder("Authenticator app", "Recovery codes (10 unused)", "Passkey \"Old phone\"");
			assertThat(page.asNormalizedText()).contains("after checking it is them",
					"wrote from the account's confirmed address");

			// The checks are not optional: without them nothing is removed.
			HtmlForm passkeyForm = factorForm(page, "passkey-" + passkey.credentialId());
			WebRequest unchecked = passkeyForm.getWebRequest(null);
			unchecked.setRequestParameters(unchecked.getRequestParameters()
				.stream()
				.filter(parameter -> !parameter.getName().equals("identityChecked"))
				.toList());
			HtmlPage refused = browser.client().getPage(unchecked);
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(refused.asNormalizedText()).contains("needs the identity check confirmed and a reason");

			HtmlPage removed = removeFactor(accountPage(browser, person), "passkey-" + passkey.credentialId(),
					"Phone stolen; confirmed by a reply to the account's address");
			assertThat(removed.asNormalizedText()).contains("Factor removed");
			removed = removeFactor(removed, "totp", "New phone; showed student card at the desk");
			assertThat(removed.asNormalizedText()).contains("None: the account signs in with its password");
			assertThat(audit.latest(subjectOf(person), null, 10))
				.filteredOn(event -> event.action().equals("account.factor-removed"))
				.extracting(AuditLog.Event::detail)
				.containsExactlyInAnyOrder(
						"passkey \"Old phone\": Phone stolen; confirmed by a reply to the account's address",
						"totp: New phone; showed student card at the desk");
		}
		try (Browser owner = new Browser(port)) {
			assertThat(owner.signIn(person.email(), person.password()).getUrl().getPath()).isEqualTo("/account");
			assertThat(passkey.signIn(owner, passkeys.origins().getFirst()).status()).as("the removed passkey")
				.isEqualTo(401);
		}
	}

	@Test
	void requiringANewPasswordStopsTheOldOneAndMailsAResetLink() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port); Browser owner = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			assertThat(click(accountPage(browser, person), "/password/clear").asNormalizedText())
				.contains("Must choose a new password");
			assertThat(owner.signIn(person.email(), person.password()).getUrl().getQuery()).isEqualTo("error");
			String link = Mailbox.awaitMail(person.email(), 2).links().getFirst();
			assertThat(link).contains("/password/reset?token=");
			owner.submit(owner.follow(link), "/password/reset", "newPassword", "a brand new passphrase");
			assertThat(owner.signIn(person.email(), "a brand new passphrase").getUrl().getPath())
				.isNotEqualTo("/login");
		}
	}

	@Test
	void deletingSaysWhatHappensToTheReviewsAndTheAccountIsThenUnknown() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			String subject = subjectOf(person);
			HtmlPage page = accountPage(browser, person);
			assertThat(page.asNormalizedText()).contains("their reviews and comments stay, shown as by a deleted user");
			assertThat(click(page, "/delete").asNormalizedText()).contains("deleted");
			assertThat(browser.open("/admin/accounts/" + subject).getWebResponse().getStatusCode()).isEqualTo(404);
			assertThat(dsl.select(ACCOUNT.DELETED_AT).from(ACCOUNT).where(ACCOUNT.SUBJECT.eq(subject)).fetchOne(0))
				.isNotNull();
			assertThat(audit.latest(subject, null, 10)).extracting(AuditLog.Event::action)
				.contains("account.deleted-by-admin");
		}
	}

	@Test
	void anUnknownAccountIsA404AndOnlyAdministratorsGetIn() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port); Browser stranger = new Browser(port)) {
			browser.signIn(admin.email(), admin.password());
			assertThat(browser.open("/admin/accounts/no-such-subject").getWebResponse().getStatusCode()).isEqualTo(404);
			HtmlPage page = accountPage(browser, person);
			HtmlForm disable = form(page, "/disable");
			disable.setActionAttribute("/admin/accounts/no-such-subject/disable");
			assertThat(((HtmlButton) disable.getFirstByXPath(".//button")).click().getWebResponse().getStatusCode())
				.isEqualTo(404);

			stranger.signIn(person.email(), person.password());
			assertThat(stranger.open("/admin/accounts").getWebResponse().getStatusCode()).isEqualTo(403);
		}
	}

	private HtmlPage find(Browser browser, String query) throws IOException {
		return browser.open("/admin/accounts?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
	}

	private HtmlPage accountPage(Browser browser, Person person) throws IOException {
		HtmlPage page = browser.open("/admin/accounts/" + subjectOf(person));
		assertThat(page.getWebResponse().getStatusCode()).as(page.asNormalizedText()).isEqualTo(200);
		return page;
	}

	private String subjectOf(Person person) {
		return dsl.select(ACCOUNT.SUBJECT).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(person.email())).fetchSingle().value1();
	}

	private List<String> roles(Person person) {
		return dsl.select(ACCOUNT_ROLE.ROLE)
			.from(ACCOUNT_ROLE)
			.join(ACCOUNT)
			.on(ACCOUNT.ID.eq(ACCOUNT_ROLE.ACCOUNT_ID))
			.where(ACCOUNT.EMAIL.eq(person.email()))
			.fetch(ACCOUNT_ROLE.ROLE);
	}

	private static HtmlForm factorForm(HtmlPage page, String factor) {
		return page.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().endsWith("/factors/remove")
					&& f.getInputByName("factor").getValue().equals(factor))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form to remove " + factor + " on " + page.getUrl()));
	}

	private static HtmlPage removeFactor(HtmlPage page, String factor, String reason) throws IOException {
		HtmlForm form = factorForm(page, factor);
		form.getTextAreaByName("reason").setText(reason);
		((HtmlCheckBoxInput) form.getInputByName("identityChecked")).setChecked(true);
		return ((HtmlButton) form.getFirstByXPath(".//button")).click();
	}

	private static HtmlForm form(HtmlPage page, String actionEnding) {
		return page.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().endsWith(actionEnding))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form to " + actionEnding + " on " + page.getUrl()));
	}

	private static HtmlPage click(HtmlPage page, String actionEnding) throws IOException {
		return ((HtmlButton) form(page, actionEnding).getFirstByXPath(".//button")).click();
	}

	private static String fullWidth(String name) {
		StringBuilder wide = new StringBuilder();
		name.chars().forEach(c -> wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : (char) c));
		return wide.toString();
	}

}
