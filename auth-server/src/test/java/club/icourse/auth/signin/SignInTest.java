package club.icourse.auth.signin;

import static club.icourse.auth.Spellings.fullWidth;
import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.SIGN_IN_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.account.AccountRepository;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
class SignInTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	AccountRepository accounts;

	@Test
	void afterFiveFailuresEvenTheRightPasswordMustWaitAndUnknownNamesBehaveTheSame() throws IOException {
		Person person = register();
		String unknown = Mailbox.newStudentAddress();
		try (Browser browser = new Browser(port)) {
			for (int i = 0; i < 5; i++) {
				assertThat(browser.signIn(person.username(), "wrong password " + i).getUrl().getQuery())
					.isEqualTo("error");
				assertThat(browser.signIn(unknown, "wrong password " + i).getUrl().getQuery()).isEqualTo("error");
			}
			HtmlPage refused = browser.signIn(person.username(), person.password());
			assertThat(refused.getUrl().getQuery()).startsWith("wait=");
			assertThat(refused.asNormalizedText()).contains("Too many failed attempts");
			assertThat(browser.signIn(unknown, "anything").getUrl().getQuery()).startsWith("wait=");
			assertThat(browser.signIn(person.email(), person.password()).getUrl().getQuery())
				.as("the account's other sign-in name waits too")
				.startsWith("wait=");
		}
	}

	/**
	 * The probe of 2026-12-07: rotating the username, the email and a full-width spelling
	 * once let every guess through, since each spelling had a count of its own.
	 */
	@Test
	void theBackOffHoldsWhateverSpellingOfTheAccountIsTyped() throws IOException {
		Person person = register();
		List<String> spellings = List.of(person.username(), person.email(), fullWidth(person.username()),
				fullWidth(person.email().toUpperCase(Locale.ROOT)), " " + person.username().toUpperCase(Locale.ROOT));
		try (Browser browser = new Browser(port)) {
			for (int i = 0; i < 5; i++) {
				assertThat(browser.signIn(spellings.get(i), "wrong password " + i).getUrl().getQuery())
					.isEqualTo("error");
			}
			for (String spelling : spellings) {
				assertThat(browser.signIn(spelling, "wrong password").getUrl().getQuery()).as(spelling)
					.startsWith("wait=");
			}
			assertThat(browser.signIn(person.username(), person.password()).getUrl().getQuery()).startsWith("wait=");
		}
	}

	@Test
	void everySpellingThatFoldsToTheAccountSignsIn() throws IOException {
		Person person = register();
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(fullWidth(person.email()), person.password()).getUrl().getPath())
				.isEqualTo("/account");
		}
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(fullWidth(person.username()), person.password()).getUrl().getPath())
				.isEqualTo("/account");
		}
	}

	@Test
	void aNameOfNoAccountIsCountedByItsFoldedForm() throws IOException {
		String unknown = Mailbox.newUsername();
		try (Browser browser = new Browser(port)) {
			for (int i = 0; i < 5; i++) {
				String spelling = i % 2 == 0 ? unknown : fullWidth(unknown.toUpperCase(Locale.ROOT));
				assertThat(browser.signIn(spelling, "wrong password " + i).getUrl().getQuery()).isEqualTo("error");
			}
			assertThat(browser.signIn(" " + fullWidth(unknown), "anything").getUrl().getQuery()).startsWith("wait=");
		}
	}

	@Test
	void everyAttemptIsRecordedAndShownOnTheAccountPage() throws IOException {
		Person person = register();
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), "wrong password");
			HtmlPage account = browser.signIn(person.email(), person.password());
			assertThat(account.asNormalizedText()).contains("Wrong password", "Signed in", "127.0.0.1");
		}
		long accountId = accounts.findCredentials(person.email()).orElseThrow().account().id();
		assertThat(dsl.fetchCount(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.ACCOUNT_ID.eq(accountId))).isGreaterThanOrEqualTo(3);
	}

	@Test
	void rememberMeKeepsThePersonSignedInAfterTheSessionIsGone() throws IOException {
		Person person = register();
		try (Browser browser = new Browser(port)) {
			HtmlPage login = browser.open("/login");
			login.getHtmlElementById("remember-me").click();
			browser.submit(login, "/login", "username", person.username(), "password", person.password());
			browser.client()
				.getCookieManager()
				.removeCookie(browser.client().getCookieManager().getCookie(Browser.SESSION_COOKIE));

			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/account");
		}
	}

	@Test
	void passwordsAreHashedWithArgon2id() throws IOException {
		Person person = register();
		String hash = dsl.select(ACCOUNT.PASSWORD_HASH)
			.from(ACCOUNT)
			.where(ACCOUNT.EMAIL.eq(person.email()))
			.fetchSingle()
			.value1();
		assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
	}

	private Person register() throws IOException {
		return TestAccounts.registerAndConfirm(port);
	}

}
