package club.icourse.auth.totp;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.RECOVERY_CODE;
import static club.icourse.db.auth.Tables.SIGN_IN_ATTEMPT;
import static club.icourse.db.auth.Tables.TOTP_FACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.TestTotp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two-step sign-in through the real pages: setting up an app, the code after the
 * password, recovery codes used once, and wrong or replayed codes refused and counted
 * against the account.
 */
@AuthServerTest
class TwoStepSignInTest {

	private static final String SECOND_STEP = "/login/second-factor";

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void aPersonSetsUpAnAppAndThenSignsInWithThePasswordAndACode() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		TestTotp app;
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			app = TestTotp.enrol(browser, person.password());
			assertThat(app.recoveryCodes()).hasSize(10)
				.doesNotHaveDuplicates()
				.allMatch(code -> code.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
			assertThat(browser.open("/account/security").asNormalizedText()).contains("Unused recovery codes: 10");
		}
		long accountId = accountId(person);
		// Stored encrypted: neither the key nor a recovery code is readable in the
		// database.
		byte[] stored = dsl.select(TOTP_FACTOR.SECRET_ENCRYPTED)
			.from(TOTP_FACTOR)
			.where(TOTP_FACTOR.ACCOUNT_ID.eq(accountId))
			.fetchSingle()
			.value1();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(app.recoveryCodes().getFirst());
		assertThat(dsl.fetchCount(RECOVERY_CODE, RECOVERY_CODE.ACCOUNT_ID.eq(accountId))).isEqualTo(10);

		try (Browser browser = new Browser(port)) {
			HtmlPage second = browser.signIn(person.email(), person.password());
			assertThat(second.getUrl().getPath()).isEqualTo(SECOND_STEP);
			// The password alone reaches nothing that needs a sign-in.
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo(SECOND_STEP);
			assertThat(browser.open("/account/security").getUrl().getPath()).isEqualTo(SECOND_STEP);

			HtmlPage account = browser.submit(browser.open(SECOND_STEP), SECOND_STEP, "code", app.nextCode());
			assertThat(account.getUrl().getPath()).isEqualTo("/account");
			assertThat(browser.open("/account/security").getUrl().getPath()).isEqualTo("/account/security");
		}
	}

	@Test
	void aReplayedCodeIsRefusedWithAClearMessageAndCounted() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		TestTotp app = enrolled(person);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			assertThat(
					browser.submit(browser.open(SECOND_STEP), SECOND_STEP, "code", app.nextCode()).getUrl().getPath())
				.isEqualTo("/account");
		}
		try (Browser attacker = new Browser(port)) {
			HtmlPage second = attacker.signIn(person.email(), person.password());
			HtmlPage refused = attacker.submit(second, SECOND_STEP, "code", app.lastCode());
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(refused.asNormalizedText()).contains("That code was already used.");
			assertThat(attacker.open("/account").getUrl().getPath()).isEqualTo(SECOND_STEP);
		}
		assertThat(outcomes(person)).endsWith("SUCCESS", "PASSWORD_ACCEPTED", "BAD_CODE");
	}

	@Test
	void wrongCodesCountTowardTheAccountsLimitUntilEvenThePasswordMustWait() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		TestTotp app = enrolled(person);
		try (Browser attacker = new Browser(port)) {
			HtmlPage page = attacker.signIn(person.email(), person.password());
			for (int i = 0; i < 5; i++) {
				page = attacker.submit(page, SECOND_STEP, "code", app.wrongCode());
				assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
				assertThat(page.asNormalizedText()).contains("That code is wrong.");
			}
			HtmlPage waiting = attacker.submit(page, SECOND_STEP, "code", app.nextCode());
			assertThat(waiting.getWebResponse().getStatusCode()).isEqualTo(429);
			assertThat(waiting.asNormalizedText()).contains("Too many wrong codes for this account.");
		}
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(person.username(), person.password()).getUrl().getQuery()).startsWith("wait=");
		}
		assertThat(outcomes(person).stream().filter("BAD_CODE"::equals)).hasSize(5);
	}

	@Test
	void aRecoveryCodeSignsInOnceAndOnlyOnce() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		TestTotp app = enrolled(person);
		String recoveryCode = app.recoveryCodes().get(3);
		try (Browser browser = new Browser(port)) {
			HtmlPage second = browser.signIn(person.email(), person.password());
			HtmlPage account = browser.submit(second, SECOND_STEP, "code", recoveryCode.toUpperCase());
			assertThat(account.getUrl().getPath()).isEqualTo("/account");
			assertThat(browser.open("/account/security").asNormalizedText()).contains("Unused recovery codes: 9");
		}
		try (Browser browser = new Browser(port)) {
			HtmlPage second = browser.signIn(person.email(), person.password());
			HtmlPage refused = browser.submit(second, SECOND_STEP, "code", recoveryCode);
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(refused.asNormalizedText()).contains("That code is wrong.");
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo(SECOND_STEP);
		}
	}

	@Test
	void changingFactorsAsksForThePasswordAndNewRecoveryCodesReplaceTheOldOnes() throws IOException {
		Person person = new Person(Mailbox.newStudentAddress(), Mailbox.newUsername(), "correct horse battery");
		try (Browser browser = new Browser(port)) {
			browser.submit(browser.open("/register"), "/register", "email", person.email(), "username",
					person.username(), "password", person.password());
			// Signed in by the mailed link: no password typed in this sign-in.
			browser.submit(browser.follow(Mailbox.awaitMail(person.email(), 1).links().getFirst()), "/confirm");
			HtmlPage security = browser.open("/account/security");
			assertThat(security.getElementById("password")).isNotNull();
			assertThat(security.asNormalizedText()).doesNotContain("Set up an authenticator app");

			HtmlPage wrong = browser.submit(security, "/account/security/password", "password", "not my password");
			assertThat(wrong.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(wrong.asNormalizedText()).contains("The password is wrong.");
			assertThat(outcomes(person)).endsWith("BAD_CREDENTIALS");

			TestTotp app = TestTotp.enrol(browser, browser.open("/account/security"), person.password());
			HtmlPage renewed = browser.submit(browser.open("/account/security"), "/account/security/recovery-codes");
			List<String> newCodes = renewed.querySelectorAll(".recovery-code")
				.stream()
				.map(node -> node.getTextContent())
				.toList();
			assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(app.recoveryCodes());

			HtmlPage removed = browser.submit(browser.open("/account/security"), "/account/security/totp/remove");
			assertThat(removed.asNormalizedText()).contains("Two-step sign-in is off.");
		}
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(person.email(), person.password()).getUrl().getPath()).isEqualTo("/account");
		}
	}

	private TestTotp enrolled(Person person) throws IOException {
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			return TestTotp.enrol(browser, person.password());
		}
	}

	private long accountId(Person person) {
		return dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(person.email())).fetchSingle().value1();
	}

	private List<String> outcomes(Person person) {
		return dsl.select(SIGN_IN_ATTEMPT.OUTCOME)
			.from(SIGN_IN_ATTEMPT)
			.where(SIGN_IN_ATTEMPT.ACCOUNT_ID.eq(accountId(person)))
			.orderBy(SIGN_IN_ATTEMPT.ID)
			.fetch(SIGN_IN_ATTEMPT.OUTCOME);
	}

}
