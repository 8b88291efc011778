package club.icourse.mail;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.thymeleaf.ITemplateEngine;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;

/** The outbox and its sender, for an app with a database (jOOQ) and SMTP settings. */
@AutoConfiguration
@EnableConfigurationProperties(MailSettings.class)
@EnableScheduling
public class MailOutboxAutoConfiguration {

	@Bean
	MailOutbox mailOutbox(DSLContext dsl, ITemplateEngine templates, MessageSource messages, Clock clock,
			MeterRegistry meters) {
		return new MailOutbox(dsl, templates, messages, clock, meters);
	}

	@Bean
	OutboxSender outboxSender(DSLContext dsl, PlatformTransactionManager transactions, JavaMailSender smtp,
			MailSettings settings, Clock clock, MeterRegistry meters) {
		return new OutboxSender(dsl, transactions, smtp, settings, clock, meters);
	}

	/**
	 * Plain-text mail parts ({@code templates/mail/*.txt}); Boot adds this resolver to
	 * its template engine.
	 */
	@Bean
	ITemplateResolver textMailTemplates() {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix("classpath:/templates/");
		resolver.setResolvablePatterns(Set.of("mail/*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(0);
		resolver.setCheckExistence(true);
		return resolver;
	}

}
