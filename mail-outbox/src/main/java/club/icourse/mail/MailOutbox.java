package club.icourse.mail;

import static club.icourse.mail.OutboxTable.CREATED_AT;
import static club.icourse.mail.OutboxTable.HTML_BODY;
import static club.icourse.mail.OutboxTable.MAIL_OUTBOX;
import static club.icourse.mail.OutboxTable.NEXT_ATTEMPT_AT;
import static club.icourse.mail.OutboxTable.RECIPIENT;
import static club.icourse.mail.OutboxTable.SUBJECT;
import static club.icourse.mail.OutboxTable.TEXT_BODY;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.MessageSource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Queues mail in the caller's transaction: it is sent if and only if the change that
 * causes it commits, and a slow or absent mail server never fails the request. Subject
 * and bodies are rendered now, in the recipient's language, from
 * {@code templates/mail/<template>.html} and {@code .txt}.
 */
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
			.set(RECIPIENT, to)
			.set(SUBJECT, messages.getMessage("mail." + template + ".subject", null, locale))
			.set(TEXT_BODY, templates.process("mail/" + template + ".txt", context))
			.set(HTML_BODY, templates.process("mail/" + template, context))
			.set(CREATED_AT, now)
			.set(NEXT_ATTEMPT_AT, now)
			.execute();
		queued.increment();
	}

}
