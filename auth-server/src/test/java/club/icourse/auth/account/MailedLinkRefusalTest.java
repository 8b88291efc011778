package club.icourse.auth.account;

import static club.icourse.auth.Mailbox.awaitMail;
import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.ACCOUNT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.auth.TestAccounts;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
class MailedLinkRefusalTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void aTamperedOrMissingTokenIsABadRequestWithAClearPage() throws IOException {
		try (Browser browser = new Browser(port)) {
			String email = register(browser);
			String link = awaitMail(email, 1).links().getFirst();
			String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");

			HtmlPage refused = browser.follow(tampered);
			assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(refused.asNormalizedText()).contains("This link does not work");
			assertThat(browser.open("/confirm").getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(browser.open("/confirm?token=%3Cscript%3E").asNormalizedText())
				.contains("This link does not work");
			assertThat(browser.open("/password/reset?token=" + "x".repeat(5000)).getWebResponse().getStatusCode())
				.isEqualTo(400);
		}
	}

	@Test
	void aUsedLinkIsGoneAndSaysSo() throws IOException {
		try (Browser browser = new Browser(port)) {
			String email = register(browser);
			String link = awaitMail(email, 1).links().getFirst();
			browser.submit(browser.follow(link), "/confirm");

			HtmlPage again = browser.follow(link);
			assertThat(again.getWebResponse().getStatusCode()).isEqualTo(410);
			assertThat(again.asNormalizedText()).contains("This link has been used");
		}
	}

	@Test
	void anExpiredLinkIsGoneAndConfirmsNothing() throws IOException {
		try (Browser browser = new Browser(port)) {
			String email = register(browser);
			String link = awaitMail(email, 1).links().getFirst();
			long accountId = dsl.select(ACCOUNT.ID)
				.from(ACCOUNT)
				.where(ACCOUNT.EMAIL.eq(email))
				.fetchSingle(ACCOUNT.ID);
			dsl.update(ACCOUNT_TOKEN)
				.set(ACCOUNT_TOKEN.EXPIRES_AT, LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1))
				.where(ACCOUNT_TOKEN.ACCOUNT_ID.eq(accountId))
				.execute();

			HtmlPage expired = browser.follow(link);
			assertThat(expired.getWebResponse().getStatusCode()).isEqualTo(410);
			assertThat(expired.asNormalizedText()).contains("This link has expired");
			assertThat(dsl.select(ACCOUNT.EMAIL_CONFIRMED_AT)
				.from(ACCOUNT)
				.where(ACCOUNT.ID.eq(accountId))
				.fetchSingle(ACCOUNT.EMAIL_CONFIRMED_AT)).isNull();
		}
	}

	@Test
	void onlyTheNewestResetLinkWorks() throws IOException {
		TestAccounts.Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.submit(browser.open("/password/forgot"), "/password/forgot", "email", person.email());
			String first = awaitMail(person.email(), 2).links().getFirst();
			browser.submit(browser.open("/password/forgot"), "/password/forgot", "email", person.email());
			String second = awaitMail(person.email(), 3).links().getFirst();

			assertThat(browser.follow(first).getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(browser.follow(second).getWebResponse().getStatusCode()).isEqualTo(200);
		}
	}

	private String register(Browser browser) throws IOException {
		String email = Mailbox.newStudentAddress();
		browser.submit(browser.open("/register"), "/register", "email", email, "username", Mailbox.newUsername(),
				"password", "correct horse battery");
		return email;
	}

}
