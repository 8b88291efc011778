package club.icourse.auth.account;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.SIGN_IN_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
class AccountPageTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	MeterRegistry meters;

	@Test
	void changingThePasswordSignsOutEveryOtherSessionButThisOne() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser phone = new Browser(port); Browser laptop = new Browser(port)) {
			phone.signIn(person.email(), person.password());
			laptop.signIn(person.username(), person.password());

			HtmlPage wrong = laptop.submit(laptop.open("/account"), "/account/password", "currentPassword",
					"not my password", "newPassword", "a completely new secret");
			assertThat(wrong.asNormalizedText()).contains("The current password is wrong.");
			assertThat(phone.open("/account").getUrl().getPath()).isEqualTo("/account");

			HtmlPage changed = laptop.submit(laptop.open("/account"), "/account/password", "currentPassword",
					person.password(), "newPassword", "a completely new secret");
			assertThat(changed.asNormalizedText()).contains("Your password has been changed.");

			assertThat(laptop.open("/account").getUrl().getPath()).isEqualTo("/account");
			assertThat(phone.open("/account").getUrl().getPath()).isEqualTo("/login");
			assertThat(phone.signIn(person.email(), person.password()).getUrl().getQuery()).isEqualTo("error");
		}
	}

	@Test
	void theUsernameChangesByTheRegistrationRulesAndSignsInUnderTheNewName() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		Person other = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			assertThat(browser.submit(browser.open("/account"), "/account/username", "username", "ad min")
				.asNormalizedText()).contains("cannot contain spaces");
			assertThat(browser.submit(browser.open("/account"), "/account/username", "username", "<script>")
				.asNormalizedText()).contains("cannot contain any of");
			assertThat(browser
				.submit(browser.open("/account"), "/account/username", "username", other.username().toUpperCase())
				.asNormalizedText()).as("taken, whatever the case").contains("This username is taken");
			assertThat(browser.submit(browser.open("/account"), "/account/username", "username", "admin")
				.asNormalizedText()).contains("reserved");

			String renamed = "改名" + System.nanoTime() % 1_000_000;
			HtmlPage changed = browser.submit(browser.open("/account"), "/account/username", "username", renamed);
			assertThat(changed.asNormalizedText()).contains("Your username is changed.", renamed);
		}
		double failures = meters.counter("icourse.sign-ins", "outcome", "bad_credentials").count();
		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(person.username(), person.password()).getUrl().getQuery()).isEqualTo("error");
		}
		assertThat(meters.counter("icourse.sign-ins", "outcome", "bad_credentials").count()).as("counted")
			.isEqualTo(failures + 1);
		try (Browser browser = new Browser(port)) {
			String renamed = dsl.select(ACCOUNT.USERNAME)
				.from(ACCOUNT)
				.where(ACCOUNT.EMAIL.eq(person.email()))
				.fetchSingle()
				.value1();
			assertThat(browser.signIn(renamed, person.password()).getUrl().getPath()).isNotEqualTo("/login");
		}
	}

	@Test
	void deletingTheAccountRemovesItsPersonalDataAndSignsItOutEverywhere() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port); Browser other = new Browser(port)) {
			other.signIn(person.email(), person.password());
			browser.signIn(person.email(), person.password());
			long id = dsl.select(ACCOUNT.ID)
				.from(ACCOUNT)
				.where(ACCOUNT.EMAIL.eq(person.email()))
				.fetchSingle(ACCOUNT.ID);

			HtmlPage refused = browser.submit(browser.open("/account"), "/account/delete", "password", "wrong");
			assertThat(refused.asNormalizedText()).contains("nothing was deleted");

			HtmlPage home = browser.submit(browser.open("/account"), "/account/delete", "password", person.password());
			assertThat(home.getUrl().getPath()).isEqualTo("/");
			assertThat(other.open("/account").getUrl().getPath()).isEqualTo("/login");
			assertThat(browser.signIn(person.email(), person.password()).getUrl().getQuery()).isEqualTo("error");

			var row = dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchSingle();
			assertThat(row.getEmail()).isNull();
			assertThat(row.getPasswordHash()).isNull();
			assertThat(row.getUsername()).doesNotContain(person.username());
			assertThat(row.getDeletedAt()).isNotNull();
			assertThat(dsl.fetchCount(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.ACCOUNT_ID.eq(id))).isZero();
		}
		Person again = new Person(person.email(), person.username(), "yet another long secret");
		assertThat(TestAccounts.accountCount(dsl)).isPositive();
		try (Browser browser = new Browser(port)) {
			HtmlPage sent = browser.submit(browser.open("/register"), "/register", "email", again.email(), "username",
					again.username(), "password", again.password());
			assertThat(sent.getUrl().getPath()).as("the address and the name are free again")
				.isEqualTo("/register/sent");
		}
	}

	@Test
	void theAccountPageNeedsASignIn() throws IOException {
		try (Browser browser = new Browser(port)) {
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");
		}
	}

}
