package club.icourse.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is delivered.
 *
 * @param from the sender of every mail, e.g. {@code iCourse <noreply@example.edu>}
 * @param lease how long a claimed mail is left to the instance that claimed it before
 * others may try it
 * @param firstRetry the wait after the first failure; it doubles with every further
 * failure, up to {@code longestRetry}
 * @param maxAttempts after this many failures a mail is given up (kept, marked failed,
 * logged)
 */
@ConfigurationProperties("icourse.mail")
public record MailSettings(@DefaultValue("iCourse <noreply@localhost>") String from, @DefaultValue("20") int batchSize,
		@DefaultValue("2m") Duration lease, @DefaultValue("10s") Duration firstRetry,
		@DefaultValue("1h") Duration longestRetry, @DefaultValue("20") int maxAttempts,
		@DefaultValue("30d") Duration keepSent) {
}
