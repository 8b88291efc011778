package club.icourse.mail;

import static club.icourse.mail.OutboxTable.MAIL_OUTBOX;
import static club.icourse.mail.OutboxTable.NEXT_ATTEMPT_AT;
import static club.icourse.mail.OutboxTable.RECIPIENT;
import static club.icourse.mail.OutboxTable.SENT_AT;
import static club.icourse.mail.Recipients.mailsTo;
import static club.icourse.mail.Recipients.newAddress;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second sender, as on an instance that is shut down while it sends a batch: it
 * finishes the mail in hand and gives the rest back at once, so the other instance sends
 * them now instead of after the two-minute lease.
 */
@OutboxTest
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
		List<String> addresses = IntStream.range(0, 3).mapToObj(i -> newAddress()).toList();
		addresses.forEach(address -> transaction.executeWithoutResult(status -> outbox.enqueue(address, Locale.ENGLISH,
				"test-mail", Map.of("username", "shutdown", "link", "https://id.example/confirm?token=t"))));

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
		assertThat(addresses.stream().mapToInt(address -> mailsTo(address).size()).sum()).isEqualTo(1);
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		assertThat(dsl.select(NEXT_ATTEMPT_AT)
			.from(MAIL_OUTBOX)
			.where(RECIPIENT.in(addresses))
			.and(SENT_AT.isNull())
			.fetch(NEXT_ATTEMPT_AT)).as("the unsent rest is due now, not leased")
			.hasSize(2)
			.allMatch(due -> !due.isAfter(now));

		otherInstance.sendDueMails();

		assertThat(addresses).allSatisfy(address -> assertThat(mailsTo(address)).hasSize(1));
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
