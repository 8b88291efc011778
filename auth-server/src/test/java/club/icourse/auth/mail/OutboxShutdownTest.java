package club.icourse.auth.mail;

import static club.icourse.db.auth.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Mailbox;
import club.icourse.mail.MailOutbox;
import club.icourse.mail.MailSettings;
import club.icourse.mail.OutboxSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second sender, as on an instance that is shut down while it sends a batch: it
 * finishes the mail in hand and gives the rest back at once, so the other instance sends
 * them now instead of after the two-minute lease.
 */
@AuthServerTest
@TestPropertySource(properties = "icourse.mail.poll-delay=1h")
class OutboxShutdownTest {

	@Autowired
	DSLContext dsl;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JavaMailSender smtp;

	@Autowired
	MailSettings settings;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender otherInstance;

	@Test
	void aSenderShutDownMidBatchFinishesTheMailInHandAndGivesBackTheRest() throws Exception {
		otherInstance.sendDueMails();
		List<String> addresses = IntStream.range(0, 3).mapToObj(i -> Mailbox.newStudentAddress()).toList();
		addresses.forEach(address -> transaction.executeWithoutResult(status -> outbox.enqueue(address, Locale.ENGLISH,
				"confirm-email", Map.of("username", "shutdown", "link", "https://id.example/confirm?token=t"))));

		CountDownLatch stopped = new CountDownLatch(1);
		OutboxSender[] stopping = new OutboxSender[1];
		stopping[0] = new OutboxSender(dsl, transactions,
				new ShutdownAfterFirstMail(smtp, () -> stopping[0].stop(stopped::countDown)), settings,
				Clock.systemUTC(), new SimpleMeterRegistry());
		stopping[0].start();

		assertThat(stopping[0].sendDueMails()).isEqualTo(1);
		assertThat(stopped.await(10, TimeUnit.SECONDS)).as("shutdown waited for the sender, then went on").isTrue();
		assertThat(stopping[0].isRunning()).isFalse();
		assertThat(stopping[0].sendDueMails()).as("nothing more is claimed while stopping").isZero();
		assertThat(addresses.stream().mapToInt(address -> Mailbox.mailsTo(address).size()).sum()).isEqualTo(1);
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		assertThat(dsl.select(MAIL_OUTBOX.NEXT_ATTEMPT_AT)
			.from(MAIL_OUTBOX)
			.where(MAIL_OUTBOX.RECIPIENT.in(addresses))
			.and(MAIL_OUTBOX.SENT_AT.isNull())
			.fetch(MAIL_OUTBOX.NEXT_ATTEMPT_AT)).as("the unsent rest is due now, not leased")
			.hasSize(2)
			.allMatch(due -> !due.isAfter(now));

		otherInstance.sendDueMails();

		assertThat(addresses).allSatisfy(address -> assertThat(Mailbox.mailsTo(address)).hasSize(1));
	}

	/**
	 * The real SMTP sender; the shutdown signal arrives while its first mail is going
	 * out.
	 */
	private record ShutdownAfterFirstMail(JavaMailSender smtp, Runnable shutdown) implements JavaMailSender {

		@Override
		public MimeMessage createMimeMessage() {
			return smtp.createMimeMessage();
		}

		@Override
		public MimeMessage createMimeMessage(InputStream contentStream) {
			return smtp.createMimeMessage(contentStream);
		}

		@Override
		public void send(MimeMessage... mimeMessages) {
			smtp.send(mimeMessages);
			shutdown.run();
		}

		@Override
		public void send(SimpleMailMessage... simpleMessages) {
			smtp.send(simpleMessages);
			shutdown.run();
		}
	}

}
