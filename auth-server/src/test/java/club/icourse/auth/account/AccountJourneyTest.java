package club.icourse.auth.account;

import static club.icourse.auth.Mailbox.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.testsupport.mail.MailContent;
import java.io.IOException;
import java.util.Locale;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person's whole way through the account pages, over real HTTP, with the mails they
 * really receive.
 */
@AuthServerTest
class AccountJourneyTest {

	@LocalServerPort
	int port;

	@Test
	void registerConfirmSignOutForgetResetAndSignInWithTheNewPassword() throws IOException {
		String email = Mailbox.newStudentAddress();
		String username = Mailbox.newUsername();
		try (Browser browser = new Browser(port)) {
			HtmlPage sent = browser.submit(browser.open("/register"), "/register", "email", email, "username", username,
					"password", "correct horse battery");
			assertThat(sent.getUrl().getPath()).isEqualTo("/register/sent");
			assertThat(sent.asNormalizedText()).contains("Check your mailbox", email);

			MailContent confirmation = awaitMail(email, 1);
			assertThat(confirmation.subject()).isNotBlank();
			assertThat(confirmation.text()).contains(username);
			String confirmLink = confirmation.links().getFirst();
			assertThat(confirmLink).contains("/confirm?token=");
			assertThat(confirmation.html()).contains(confirmLink.replace("&", "&amp;"));

			assertThat(browser.signIn(email, "correct horse battery").getUrl().getQuery()).isEqualTo("unconfirmed");

			HtmlPage confirmPage = browser.follow(confirmLink);
			assertThat(confirmPage.getWebResponse().getStatusCode()).isEqualTo(200);
			HtmlPage account = browser.submit(confirmPage, "/confirm");
			assertThat(account.getUrl().getPath()).isEqualTo("/account");
			assertThat(account.asNormalizedText()).contains(username, email, "Student",
					"Signed in by confirmation link");

			assertThat(browser.signOut().getUrl().getQuery()).isEqualTo("signedOut");
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");

			HtmlPage forgotSent = browser.submit(browser.open("/password/forgot"), "/password/forgot", "email", email);
			assertThat(forgotSent.asNormalizedText()).contains("Check your mailbox");
			String resetLink = awaitMail(email, 2).links().getFirst();
			assertThat(resetLink).contains("/password/reset?token=");

			HtmlPage signInPage = browser.submit(browser.follow(resetLink), "/password/reset", "newPassword",
					"a brand new secret");
			assertThat(signInPage.getUrl().getQuery()).isEqualTo("passwordReset");

			assertThat(browser.signIn(username, "correct horse battery").getUrl().getQuery()).isEqualTo("error");
			HtmlPage signedIn = browser.signIn(username, "a brand new secret");
			assertThat(signedIn.getUrl().getPath()).isEqualTo("/account");
			assertThat(signedIn.asNormalizedText()).contains(email);
		}
	}

	@Test
	void mailsAreWrittenInTheLanguageThePersonRegisteredIn() throws IOException {
		String email = Mailbox.newStudentAddress();
		try (Browser browser = new Browser(port, Locale.SIMPLIFIED_CHINESE)) {
			HtmlPage sent = browser.submit(browser.open("/register"), "/register", "email", email, "username",
					Mailbox.newUsername(), "password", "correct horse battery");
			assertThat(sent.asNormalizedText()).contains("请查收邮件");
		}
		MailContent mail = awaitMail(email, 1);
		assertThat(mail.subject() + mail.text()).containsPattern("[\\u4e00-\\u9fff]");
	}

}
