package club.icourse.auth.passwords;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency password hashes computed at once (0: one per core)
 * @param queue requests that may wait for their turn beyond those
 * @param maxWait how long one waits before it is answered 503 with Retry-After
 */
@ConfigurationProperties("icourse.password-hashing")
public record PasswordHashingSettings(@DefaultValue("0") int concurrency, @DefaultValue("64") int queue,
		@DefaultValue("5s") Duration maxWait) {

	int permits() {
		return this.concurrency > 0 ? this.concurrency : Runtime.getRuntime().availableProcessors();
	}

}
