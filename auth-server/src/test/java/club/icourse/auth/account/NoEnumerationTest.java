package club.icourse.auth.account;

import static club.icourse.auth.Mailbox.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.auth.TestAccounts;
import java.io.IOException;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nothing a stranger can do tells whether an address has an account. */
@AuthServerTest
class NoEnumerationTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void registeringATakenAddressAnswersLikeANewOneAndTellsTheOwnerByMail() throws IOException {
		TestAccounts.Person owner = TestAccounts.registerAndConfirm(port);
		String fresh = Mailbox.newStudentAddress();
		try (Browser browser = new Browser(port)) {
			int accountsBefore = TestAccounts.accountCount(dsl);
			HtmlPage taken = browser.submit(browser.open("/register"), "/register", "email", owner.email(), "username",
					Mailbox.newUsername(), "password", "another long secret");
			HtmlPage free = browser.submit(browser.open("/register"), "/register", "email", fresh, "username",
					Mailbox.newUsername(), "password", "another long secret");

			assertThat(taken.getWebResponse().getStatusCode()).isEqualTo(free.getWebResponse().getStatusCode());
			assertThat(taken.getUrl().getPath()).isEqualTo(free.getUrl().getPath());
			assertThat(taken.asNormalizedText().replace(owner.email(), "ADDRESS"))
				.isEqualTo(free.asNormalizedText().replace(fresh, "ADDRESS"));
			assertThat(TestAccounts.accountCount(dsl)).isEqualTo(accountsBefore + 1);
		}
		assertThat(awaitMail(owner.email(), 2).links())
			.anySatisfy(link -> assertThat(link).endsWith("/password/forgot"));
	}

	@Test
	void askingForAResetLinkAnswersTheSameForUnknownAddresses() throws IOException {
		TestAccounts.Person owner = TestAccounts.registerAndConfirm(port);
		String unknown = Mailbox.newStudentAddress();
		try (Browser browser = new Browser(port)) {
			HtmlPage known = browser.submit(browser.open("/password/forgot"), "/password/forgot", "email",
					owner.email());
			HtmlPage notKnown = browser.submit(browser.open("/password/forgot"), "/password/forgot", "email", unknown);

			assertThat(known.getWebResponse().getStatusCode()).isEqualTo(notKnown.getWebResponse().getStatusCode());
			assertThat(known.asNormalizedText().replace(owner.email(), "ADDRESS"))
				.isEqualTo(notKnown.asNormalizedText().replace(unknown, "ADDRESS"));
		}
		assertThat(awaitMail(owner.email(), 2).links().getFirst()).contains("/password/reset?token=");
		assertThat(Mailbox.mailsTo(unknown)).isEmpty();
	}

	@Test
	void aWrongPasswordAnswersTheSameWhetherOrNotTheAccountExists() throws IOException {
		TestAccounts.Person owner = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			HtmlPage known = browser.signIn(owner.email(), "not the password");
			HtmlPage unknown = browser.signIn(Mailbox.newStudentAddress(), "not the password");

			assertThat(known.getUrl()).isEqualTo(unknown.getUrl());
			assertThat(known.asNormalizedText()).isEqualTo(unknown.asNormalizedText());
		}
	}

}
