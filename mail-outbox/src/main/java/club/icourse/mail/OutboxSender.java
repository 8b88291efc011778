package club.icourse.mail;

import static club.icourse.mail.OutboxTable.ATTEMPTS;
import static club.icourse.mail.OutboxTable.CREATED_AT;
import static club.icourse.mail.OutboxTable.FAILED_AT;
import static club.icourse.mail.OutboxTable.HTML_BODY;
import static club.icourse.mail.OutboxTable.ID;
import static club.icourse.mail.OutboxTable.LAST_ERROR;
import static club.icourse.mail.OutboxTable.MAIL_OUTBOX;
import static club.icourse.mail.OutboxTable.NEXT_ATTEMPT_AT;
import static club.icourse.mail.OutboxTable.RECIPIENT;
import static club.icourse.mail.OutboxTable.SENT_AT;
import static club.icourse.mail.OutboxTable.SUBJECT;
import static club.icourse.mail.OutboxTable.TEXT_BODY;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP. Each instance claims due mails with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} in a short transaction, so instances never
 * claim the same mail, then sends outside any transaction, so a slow mail server holds no
 * lock. Failures are retried with exponential back-off.
 *
 * <p>
 * When the app shuts down gracefully, the sender stops claiming, finishes the mail it is
 * sending and gives back the rest of its batch at once, so another instance sends it now
 * rather than when the claim's lease runs out (which is what happens when an instance
 * dies without shutting down).
 */
public class OutboxSender implements SmartLifecycle {

	private record QueuedMail(long id, String recipient, String subject, String textBody, String htmlBody,
			int attempts) {
	}

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int ERROR_LENGTH = 500;

	private final DSLContext dsl;

	private final TransactionTemplate transaction;

	private final JavaMailSender smtp;

	private final MailSettings settings;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	private final RetryTemplate recordingRetry = new RetryTemplate(RetryPolicy.builder()
		.predicate(failure -> failure instanceof TransientDataAccessException
				|| failure instanceof DataAccessResourceFailureException)
		.maxRetries(5)
		.delay(Duration.ofMillis(500))
		.multiplier(2)
		.maxDelay(Duration.ofSeconds(4))
		.build());

	/** Held shared by every sending thread, exclusively by shutdown to wait for them. */
	private final ReadWriteLock sending = new ReentrantReadWriteLock();

	private volatile boolean stopping;

	private volatile boolean running;

	public OutboxSender(DSLContext dsl, PlatformTransactionManager transactions, JavaMailSender smtp,
			MailSettings settings, Clock clock, MeterRegistry meters) {
		this.dsl = dsl;
		// READ COMMITTED: the claim locks only the rows it takes, no gaps, so instances
		// and inserts do not block it.
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.smtp = smtp;
		this.settings = settings;
		this.clock = clock;
		this.sent = meters.counter("icourse.mail.sent");
		this.failed = meters.counter("icourse.mail.failed");
		meters.gauge("icourse.mail.outbox.oldest.age", this, OutboxSender::oldestUnsentAgeSeconds);
	}

	@Scheduled(fixedDelayString = "${icourse.mail.poll-delay:2s}")
	void poll() {
		sendDueMails();
	}

	/** Sends every mail that is due now, batch by batch; returns how many went out. */
	public int sendDueMails() {
		if (stopping) {
			return 0;
		}
		sending.readLock().lock();
		try {
			return sendBatches();
		}
		finally {
			sending.readLock().unlock();
		}
	}

	private int sendBatches() {
		int delivered = 0;
		List<QueuedMail> batch;
		do {
			if (stopping) {
				return delivered;
			}
			try {
				batch = transaction.execute(status -> claimDue());
			}
			catch (PessimisticLockingFailureException contended) {
				// Another instance is claiming at this moment; what it leaves is taken at
				// the next poll.
				return delivered;
			}
			for (int i = 0; i < batch.size(); i++) {
				if (stopping) {
					release(batch.subList(i, batch.size()));
					return delivered;
				}
				if (deliver(batch.get(i))) {
					delivered++;
				}
			}
		}
		while (batch.size() == settings.batchSize());
		return delivered;
	}

	/** Gives claimed mails back: due now, for whichever instance polls next. */
	private void release(List<QueuedMail> unsent) {
		dsl.update(MAIL_OUTBOX)
			.set(NEXT_ATTEMPT_AT, now())
			.where(ID.in(unsent.stream().map(QueuedMail::id).toList()))
			.and(SENT_AT.isNull())
			.execute();
		log.info("Shutting down: gave back {} claimed mail(s) for another instance to send", unsent.size());
	}

	@Override
	public void start() {
		stopping = false;
		running = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	/**
	 * Stops claiming; the callback runs once the mail being sent is done and the rest of
	 * its batch is given back.
	 */
	@Override
	public void stop(Runnable callback) {
		stopping = true;
		Thread.ofVirtual().name("outbox-shutdown").start(() -> {
			try {
				// Bounded: an SMTP call gives up after its own timeouts (10 s by
				// default).
				if (sending.writeLock().tryLock(30, TimeUnit.SECONDS)) {
					sending.writeLock().unlock();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finally {
				running = false;
				callback.run();
			}
		});
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private List<QueuedMail> claimDue() {
		LocalDateTime now = now();
		List<QueuedMail> due = dsl.select(ID, RECIPIENT, SUBJECT, TEXT_BODY, HTML_BODY, ATTEMPTS)
			.from(MAIL_OUTBOX)
			.where(SENT_AT.isNull())
			.and(FAILED_AT.isNull())
			.and(NEXT_ATTEMPT_AT.le(now))
			.orderBy(NEXT_ATTEMPT_AT)
			.limit(settings.batchSize())
			.forUpdate()
			.skipLocked()
			.fetch(r -> new QueuedMail(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
		if (!due.isEmpty()) {
			dsl.update(MAIL_OUTBOX)
				.set(NEXT_ATTEMPT_AT, now.plus(settings.lease()))
				.where(ID.in(due.stream().map(QueuedMail::id).toList()))
				.execute();
		}
		return due;
	}

	private boolean deliver(QueuedMail mail) {
		try {
			smtp.send(toMime(mail));
			recordSent(mail);
			sent.increment();
			return true;
		}
		catch (MailException | MessagingException e) {
			recordFailure(mail, e);
			return false;
		}
	}

	/**
	 * Marks the mail sent, trying again for about 10 s when the database fails under it
	 * (a Galera node lost: the others go on after about 6 s): the mail server has it
	 * already, and a mail not marked sent goes out again when its claim's lease runs out.
	 * Delivery is at least once: a database down for longer than that sends it twice.
	 * Setting the same row's sent time again is harmless, so a commit whose fate is
	 * unknown is simply written again.
	 */
	private void recordSent(QueuedMail mail) {
		LocalDateTime sentAt = now();
		recordingRetry.invoke(() -> dsl.update(MAIL_OUTBOX)
			.set(SENT_AT, sentAt)
			.set(ATTEMPTS, mail.attempts() + 1)
			.where(ID.eq(mail.id()))
			.execute());
	}

	private MimeMessage toMime(QueuedMail mail) throws MessagingException {
		MimeMessage message = smtp.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(settings.from());
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		helper.setText(mail.textBody(), mail.htmlBody());
		return message;
	}

	private void recordFailure(QueuedMail mail, Exception error) {
		int attempts = mail.attempts() + 1;
		String message = String.valueOf(error.getMessage());
		boolean givenUp = attempts >= settings.maxAttempts();
		dsl.update(MAIL_OUTBOX)
			.set(ATTEMPTS, attempts)
			.set(NEXT_ATTEMPT_AT, now().plus(retryDelay(attempts)))
			.set(FAILED_AT, givenUp ? now() : null)
			.set(LAST_ERROR, message.substring(0, Math.min(message.length(), ERROR_LENGTH)))
			.where(ID.eq(mail.id()))
			.execute();
		failed.increment();
		if (givenUp) {
			log.warn("Gave up mail {} to {} after {} attempts: {}", mail.id(), mail.recipient(), attempts, message);
		}
		else {
			log.info("Mail {} not sent (attempt {}), will retry: {}", mail.id(), attempts, message);
		}
	}

	public Duration retryDelay(int attempts) {
		Duration delay = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
		return delay.compareTo(settings.longestRetry()) > 0 ? settings.longestRetry() : delay;
	}

	/**
	 * Forgets delivered mail after a while; it holds personal data and links. One
	 * instance at a time (when the app enables ShedLock's locks), unlike {@link #poll()},
	 * which every instance runs: its claims never overlap.
	 */
	@Scheduled(fixedDelayString = "${icourse.mail.cleanup-delay:1h}",
			initialDelayString = "${icourse.mail.cleanup-delay:1h}")
	@SchedulerLock(name = "mail.sent-mail-cleanup")
	void deleteOldSentMail() {
		dsl.deleteFrom(MAIL_OUTBOX).where(SENT_AT.lt(now().minus(settings.keepSent()))).execute();
	}

	private double oldestUnsentAgeSeconds() {
		LocalDateTime oldest = dsl.select(DSL.min(CREATED_AT))
			.from(MAIL_OUTBOX)
			.where(SENT_AT.isNull())
			.and(FAILED_AT.isNull())
			.fetchOne(0, LocalDateTime.class);
		return oldest == null ? 0 : Duration.between(oldest, now()).toSeconds();
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
