package club.icourse.auth.account;

import static club.icourse.db.auth.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.mail.OutboxSender;
import club.icourse.testsupport.mail.TestMailServer;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Registration never waits for the mail server: the confirmation waits in the outbox
 * until the server is back (how the outbox retries is mail-outbox's own test).
 */
@AuthServerTest
class RegistrationWithMailDownTest {

	private final TestMailServer smtp = TestMailServer.shared();

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	OutboxSender sender;

	@Test
	void registeringWhileTheMailServerIsDownSucceedsAndTheMailArrivesWhenItIsBack() throws IOException {
		String address = Mailbox.newStudentAddress();
		smtp.stop();
		try (Browser browser = new Browser(port)) {
			HtmlPage sent = browser.submit(browser.open("/register"), "/register", "email", address, "username",
					Mailbox.newUsername(), "password", "correct horse battery");
			assertThat(sent.getUrl().getPath()).isEqualTo("/register/sent");
			assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(address).and(MAIL_OUTBOX.SENT_AT.isNull())))
				.isEqualTo(1);
		}
		finally {
			smtp.start();
		}
		dsl.update(MAIL_OUTBOX)
			.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.where(MAIL_OUTBOX.RECIPIENT.eq(address))
			.execute();
		sender.sendDueMails();

		assertThat(Mailbox.awaitMail(address, 1).links().getFirst()).contains("/confirm?token=");
	}

}
