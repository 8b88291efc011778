package club.icourse.auth.mail;

import static club.icourse.db.auth.Tables.MAIL_OUTBOX;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Queues mail in the caller's transaction: it is sent if and only if the change that causes it commits, and a slow or
 * absent mail server never fails the request. Subject and bodies are rendered now, in the recipient's language, from
 * {@code templates/mail/<template>.html} and {@code .txt}.
 */
@Service
public class MailOutbox {

    private final DSLContext dsl;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;
    private final Counter queued;

    MailOutbox(DSLContext dsl, ITemplateEngine templates, MessageSource messages, Clock clock, MeterRegistry meters) {
        this.dsl = dsl;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
        this.queued = meters.counter("icourse.mail.queued");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String to, Locale locale, String template, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        dsl.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.RECIPIENT, to)
                .set(MAIL_OUTBOX.SUBJECT, messages.getMessage("mail." + template + ".subject", null, locale))
                .set(MAIL_OUTBOX.TEXT_BODY, templates.process("mail/" + template + ".txt", context))
                .set(MAIL_OUTBOX.HTML_BODY, templates.process("mail/" + template, context))
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .execute();
        queued.increment();
    }
}
