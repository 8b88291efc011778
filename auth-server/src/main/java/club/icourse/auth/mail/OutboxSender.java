package club.icourse.auth.mail;

import static club.icourse.db.auth.Tables.MAIL_OUTBOX;

import club.icourse.db.auth.tables.records.MailOutboxRecord;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP. Each instance claims due mails with {@code SELECT ... FOR UPDATE SKIP LOCKED} in a
 * short transaction, so instances never claim the same mail, then sends outside any transaction, so a slow mail
 * server holds no lock. Failures are retried with exponential back-off.
 */
@Component
class OutboxSender {

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
    int sendDueMails() {
        int delivered = 0;
        List<MailOutboxRecord> batch;
        do {
            try {
                batch = transaction.execute(status -> claimDue());
            } catch (PessimisticLockingFailureException contended) {
                // Another instance is claiming at this moment; what it leaves is taken at the next poll.
                return delivered;
            }
            for (MailOutboxRecord mail : batch) {
                if (deliver(mail)) {
                    delivered++;
                }
            }
        } while (batch.size() == settings.batchSize());
        return delivered;
    }

    private List<MailOutboxRecord> claimDue() {
        LocalDateTime now = now();
        List<MailOutboxRecord> due = dsl.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SENT_AT.isNull())
                .and(MAIL_OUTBOX.FAILED_AT.isNull())
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT)
                .limit(settings.batchSize())
                .forUpdate().skipLocked()
                .fetch();
        if (!due.isEmpty()) {
            dsl.update(MAIL_OUTBOX)
                    .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.plus(settings.lease()))
                    .where(MAIL_OUTBOX.ID.in(due.stream().map(MailOutboxRecord::getId).toList()))
                    .execute();
        }
        return due;
    }

    private boolean deliver(MailOutboxRecord mail) {
        try {
            smtp.send(toMime(mail));
            dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.SENT_AT, now()).set(MAIL_OUTBOX.ATTEMPTS, mail.getAttempts() + 1)
                    .where(MAIL_OUTBOX.ID.eq(mail.getId())).execute();
            sent.increment();
            return true;
        } catch (MailException | MessagingException e) {
            recordFailure(mail, e);
            return false;
        }
    }

    private MimeMessage toMime(MailOutboxRecord mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getTextBody(), mail.getHtmlBody());
        return message;
    }

    private void recordFailure(MailOutboxRecord mail, Exception error) {
        int attempts = mail.getAttempts() + 1;
        String message = String.valueOf(error.getMessage());
        boolean givenUp = attempts >= settings.maxAttempts();
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now().plus(retryDelay(attempts)))
                .set(MAIL_OUTBOX.FAILED_AT, givenUp ? now() : null)
                .set(MAIL_OUTBOX.LAST_ERROR, message.substring(0, Math.min(message.length(), ERROR_LENGTH)))
                .where(MAIL_OUTBOX.ID.eq(mail.getId()))
                .execute();
        failed.increment();
        if (givenUp) {
            log.warn("Gave up mail {} to {} after {} attempts: {}", mail.getId(), mail.getRecipient(), attempts, message);
        } else {
            log.info("Mail {} not sent (attempt {}), will retry: {}", mail.getId(), attempts, message);
        }
    }

    Duration retryDelay(int attempts) {
        Duration delay = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(settings.longestRetry()) > 0 ? settings.longestRetry() : delay;
    }

    /** Forgets delivered mail after a while; it holds personal data and links. */
    @Scheduled(fixedDelayString = "${icourse.mail.cleanup-delay:1h}", initialDelayString = "${icourse.mail.cleanup-delay:1h}")
    void deleteOldSentMail() {
        dsl.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.SENT_AT.lt(now().minus(settings.keepSent()))).execute();
    }

    private double oldestUnsentAgeSeconds() {
        LocalDateTime oldest = dsl.select(DSL.min(MAIL_OUTBOX.CREATED_AT)).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SENT_AT.isNull()).and(MAIL_OUTBOX.FAILED_AT.isNull())
                .fetchOne(0, LocalDateTime.class);
        return oldest == null ? 0 : Duration.between(oldest, now()).toSeconds();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
