package club.icourse.mail;

import static club.icourse.mail.OutboxTable.ATTEMPTS;
import static club.icourse.mail.OutboxTable.LAST_ERROR;
import static club.icourse.mail.OutboxTable.MAIL_OUTBOX;
import static club.icourse.mail.OutboxTable.NEXT_ATTEMPT_AT;
import static club.icourse.mail.OutboxTable.RECIPIENT;
import static club.icourse.mail.OutboxTable.SENT_AT;
import static club.icourse.mail.Recipients.mailsTo;
import static club.icourse.mail.Recipients.newAddress;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.mail.MailContent;
import club.icourse.testsupport.mail.TestMailServer;
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
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@OutboxTest
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

	@Test
	void aMailQueuedWhileTheMailServerIsDownIsRetriedAndArrivesExactlyOnceWhenItIsBack() {
		String address = newAddress();
		smtp.stop();
		try {
			queue(address, "down");
			sender.sendDueMails();
			Record waiting = row(address);
			assertThat(waiting.get(SENT_AT)).isNull();
			assertThat(waiting.get(ATTEMPTS)).isEqualTo(1);
			assertThat(waiting.get(NEXT_ATTEMPT_AT)).isAfter(LocalDateTime.now(ZoneOffset.UTC));
			assertThat(waiting.get(LAST_ERROR)).isNotBlank();
		}
		finally {
			smtp.start();
		}
		dueNow(address);

		sender.sendDueMails();
		sender.sendDueMails();

		assertThat(mailsTo(address)).hasSize(1);
		assertThat(mailsTo(address).getFirst().links().getFirst()).contains("/confirm?token=");
	}

	@Test
	void variablesAreEscapedInTheHtmlPartOnly() {
		String address = newAddress();
		queue(address, "<b>x</b>");
		sender.sendDueMails();

		List<MailContent> received = mailsTo(address);
		assertThat(received).hasSize(1);
		assertThat(received.getFirst().subject()).isEqualTo("A test mail");
		assertThat(received.getFirst().html()).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
		assertThat(received.getFirst().text()).contains("<b>x</b>", "https://id.example/confirm?token=t&x=1");
		assertThat(row(address).get(SENT_AT)).isNotNull();
	}

	@Test
	void aMailIsQueuedOnlyIfItsTransactionCommits() {
		String address = newAddress();
		transaction.executeWithoutResult(status -> {
			outbox.enqueue(address, Locale.ENGLISH, "test-mail", Map.of("username", "x", "link", "http://x/y"));
			status.setRollbackOnly();
		});
		assertThat(dsl.fetchCount(MAIL_OUTBOX, RECIPIENT.eq(address))).isZero();
	}

	@Test
	void sendersOnSeveralInstancesNeverSendTheSameMailTwice() throws Exception {
		List<String> addresses = IntStream.range(0, 30).mapToObj(i -> newAddress()).toList();
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
		String address = newAddress();
		queue(address, "lease");
		dsl.update(MAIL_OUTBOX)
			.set(NEXT_ATTEMPT_AT, LocalDateTime.now(ZoneOffset.UTC).plusMinutes(2))
			.where(RECIPIENT.eq(address))
			.execute();
		sender.sendDueMails();
		assertThat(mailsTo(address)).isEmpty();

		dueNow(address);
		sender.sendDueMails();
		assertThat(mailsTo(address)).hasSize(1);
	}

	private void queue(String address, String username) {
		transaction.executeWithoutResult(status -> outbox.enqueue(address, Locale.ENGLISH, "test-mail",
				Map.of("username", username, "link", "https://id.example/confirm?token=t&x=1")));
	}

	private void dueNow(String address) {
		dsl.update(MAIL_OUTBOX)
			.set(NEXT_ATTEMPT_AT, LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.where(RECIPIENT.eq(address))
			.execute();
	}

	private Record row(String address) {
		return dsl.select(SENT_AT, ATTEMPTS, NEXT_ATTEMPT_AT, LAST_ERROR)
			.from(MAIL_OUTBOX)
			.where(RECIPIENT.eq(address))
			.fetchSingle();
	}

}
