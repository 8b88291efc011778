package club.icourse.mail;

import club.icourse.testsupport.spring.RealInfrastructureInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;

/**
 * The outbox as an app gets it (auto-configured, with jOOQ, Thymeleaf and SMTP), on this
 * run's real MariaDB database, which holds only the table this module defines, and the
 * run's GreenMail server. The scheduler is held back, so that each test decides when mail
 * is sent. Every test class with it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = OutboxTest.App.class,
		properties = { "icourse.mail.poll-delay=1h", "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:club/icourse/mail/mail_outbox.sql" })
@ContextConfiguration(initializers = OutboxTest.Infrastructure.class)
@interface OutboxTest {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	class App {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		MeterRegistry meters() {
			return new SimpleMeterRegistry();
		}

	}

	class Infrastructure extends RealInfrastructureInitializer {

		Infrastructure() {
			super("mail");
		}

	}

}
