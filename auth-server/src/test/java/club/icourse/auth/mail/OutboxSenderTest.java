package club.icourse.auth.mail;

import static club.icourse.db.auth.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import club.icourse.mail.MailOutbox;
import club.icourse.mail.OutboxSender;
import club.icourse.db.auth.tables.records.MailOutboxRecord;
import club.icourse.testsupport.mail.MailContent;
import club.icourse.testsupport.mail.TestMailServer;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox with its scheduler held back, so that each test decides when mail is sent.
 */
@AuthServerTest
@TestPropertySource(properties = "icourse.mail.poll-delay=1h")
class OutboxSenderTest {

	private final TestMailServer smtp = TestMailServer.shared();

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DSLContext dsl;

	@LocalServerPort
	int port;

	@Test
	void registeringWhileTheMailServerIsDownSucceedsAndTheMailArrivesExactlyOnceWhenItIsBack() throws IOException {
		String address = Mailbox.newStudentAddress();
		smtp.stop();
		try (Browser browser = new Browser(port)) {
			HtmlPage sent = browser.submit(browser.open("/register"), "/register", "email", address, "username",
					Mailbox.newUsername(), "password", "correct horse battery");
			assertThat(sent.getUrl().getPath()).isEqualTo("/register/sent");
			sender.sendDueMails();
			MailOutboxRecord waiting = row(address);
			assertThat(waiting.getSentAt()).isNull();
			assertThat(waiting.getAttempts()).isEqualTo(1);
			assertThat(waiting.getNextAttemptAt()).isAfter(LocalDateTime.now(ZoneOffset.UTC));
			assertThat(waiting.getLastError()).isNotBlank();
		}
		finally {
			smtp.start();
		}
		dsl.update(MAIL_OUTBOX)
			.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.where(MAIL_OUTBOX.RECIPIENT.eq(address))
			.execute();

		sender.sendDueMails();
		sender.sendDueMails();

		assertThat(Mailbox.mailsTo(address)).hasSize(1);
		assertThat(Mailbox.mailsTo(address).getFirst().links().getFirst()).contains("/confirm?token=");
	}

	@Test
	void variablesAreEscapedInTheHtmlPartOnly() {
		String address = Mailbox.newStudentAddress();
		queue(address, "<b>x</b>");
		sender.sendDueMails();

		List<MailContent> received = Mailbox.mailsTo(address);
		assertThat(received).hasSize(1);
		assertThat(received.getFirst().html()).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
		assertThat(received.getFirst().text()).contains("<b>x</b>", "https://id.example/confirm?token=t&x=1");
		assertThat(row(address).getSentAt()).isNotNull();
	}

	@Test
	void aMailIsQueuedOnlyIfItsTransactionCommits() {
		String address = Mailbox.newStudentAddress();
		transaction.executeWithoutResult(status -> {
			outbox.enqueue(address, Locale.ENGLISH, "reset-password", Map.of("username", "x", "link", "http://x/y"));
			status.setRollbackOnly();
		});
		assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(address))).isZero();
	}

	@Test
	void sendersOnSeveralInstancesNeverSendTheSameMailTwice() throws Exception {
		List<String> addresses = IntStream.range(0, 30).mapToObj(i -> Mailbox.newStudentAddress()).toList();
		addresses.forEach(address -> queue(address, "n"));

		ExecutorService instances = Executors.newFixedThreadPool(3);
		try {
			List<Callable<Integer>> senders = List.of(sender::sendDueMails, sender::sendDueMails, sender::sendDueMails);
			int sent = instances.invokeAll(senders).stream().mapToInt(result -> {
				try {
					return result.get();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}).sum();
			assertThat(sent).isGreaterThanOrEqualTo(30);
		}
		finally {
			instances.shutdown();
		}
		for (String address : addresses) {
			smtp.awaitMessageTo(address, Duration.ofSeconds(10));
			assertThat(smtp.messagesTo(address)).as(address).hasSize(1);
		}
	}

	@Test
	void aMailClaimedByAnInstanceThatDiedIsSentOnceItsLeaseRunsOut() {
		String address = Mailbox.newStudentAddress();
		queue(address, "lease");
		dsl.update(MAIL_OUTBOX)
			.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, LocalDateTime.now(ZoneOffset.UTC).plusMinutes(2))
			.where(MAIL_OUTBOX.RECIPIENT.eq(address))
			.execute();
		sender.sendDueMails();
		assertThat(Mailbox.mailsTo(address)).isEmpty();

		dsl.update(MAIL_OUTBOX)
			.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.where(MAIL_OUTBOX.RECIPIENT.eq(address))
			.execute();
		sender.sendDueMails();
		assertThat(Mailbox.mailsTo(address)).hasSize(1);
	}

	private void queue(String address, String username) {
		transaction.executeWithoutResult(status -> outbox.enqueue(address, Locale.ENGLISH, "confirm-email",
				Map.of("username", username, "link", "https://id.example/confirm?token=t&x=1")));
	}

	private MailOutboxRecord row(String address) {
		return dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(address)).fetchSingle();
	}

}
