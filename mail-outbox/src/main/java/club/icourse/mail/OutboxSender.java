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
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP. Each instance claims due mails with {@code SELECT ... FOR UPDATE SKIP LOCKED} in a
 * short transaction, so instances never claim the same mail, then sends outside any transaction, so a slow mail
 * server holds no lock. Failures are retried with exponential back-off.
 */
public class OutboxSender {

    private record QueuedMail(long id, String recipient, String subject, String textBody, String htmlBody, int attempts) {
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

    OutboxSender(DSLContext dsl, PlatformTransactionManager transactions, JavaMailSender smtp, MailSettings settings,
                 Clock clock, MeterRegistry meters) {
        this.dsl = dsl;
        // READ COMMITTED: the claim locks only the rows it takes, no gaps, so instances and inserts do not block it.
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
        int delivered = 0;
        List<QueuedMail> batch;
        do {
            try {
                batch = transaction.execute(status -> claimDue());
            } catch (PessimisticLockingFailureException contended) {
                // Another instance is claiming at this moment; what it leaves is taken at the next poll.
                return delivered;
            }
            for (QueuedMail mail : batch) {
                if (deliver(mail)) {
                    delivered++;
                }
            }
        } while (batch.size() == settings.batchSize());
        return delivered;
    }

    private List<QueuedMail> claimDue() {
        LocalDateTime now = now();
        List<QueuedMail> due = dsl.select(ID, RECIPIENT, SUBJECT, TEXT_BODY, HTML_BODY, ATTEMPTS).from(MAIL_OUTBOX)
                .where(SENT_AT.isNull())
                .and(FAILED_AT.isNull())
                .and(NEXT_ATTEMPT_AT.le(now))
                .orderBy(NEXT_ATTEMPT_AT)
                .limit(settings.batchSize())
                .forUpdate().skipLocked()
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
            dsl.update(MAIL_OUTBOX).set(SENT_AT, now()).set(ATTEMPTS, mail.attempts() + 1)
                    .where(ID.eq(mail.id())).execute();
            sent.increment();
            return true;
        } catch (MailException | MessagingException e) {
            recordFailure(mail, e);
            return false;
        }
    }

    private MimeMessage toMime(QueuedMail mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
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
        } else {
            log.info("Mail {} not sent (attempt {}), will retry: {}", mail.id(), attempts, message);
        }
    }

    public Duration retryDelay(int attempts) {
        Duration delay = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(settings.longestRetry()) > 0 ? settings.longestRetry() : delay;
    }

    /** Forgets delivered mail after a while; it holds personal data and links. */
    @Scheduled(fixedDelayString = "${icourse.mail.cleanup-delay:1h}", initialDelayString = "${icourse.mail.cleanup-delay:1h}")
    void deleteOldSentMail() {
        dsl.deleteFrom(MAIL_OUTBOX).where(SENT_AT.lt(now().minus(settings.keepSent()))).execute();
    }

    private double oldestUnsentAgeSeconds() {
        LocalDateTime oldest = dsl.select(DSL.min(CREATED_AT)).from(MAIL_OUTBOX)
                .where(SENT_AT.isNull()).and(FAILED_AT.isNull())
                .fetchOne(0, LocalDateTime.class);
        return oldest == null ? 0 : Duration.between(oldest, now()).toSeconds();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
