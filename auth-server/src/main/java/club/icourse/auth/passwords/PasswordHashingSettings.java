package club.icourse.auth.passwords;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency password hashes computed at once (0: one per core)
 * @param queue requests that may wait for their turn beyond those
 * @param maxWait how long one waits before it is answered 503 with Retry-After
 * @param argon2id the cost of one hash
 */
@ConfigurationProperties("icourse.password-hashing")
public record PasswordHashingSettings(@DefaultValue("0") int concurrency, @DefaultValue("64") int queue,
		@DefaultValue("5s") Duration maxWait, @DefaultValue Argon2id argon2id) {

	int permits() {
		return this.concurrency > 0 ? this.concurrency : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Argon2id's cost. The defaults are Keycloak's and one of OWASP's recommended
	 * settings (7 MiB, 5 passes, 1 lane), equal in strength to OWASP's 19 MiB with 2
	 * passes.
	 *
	 * @param memoryKib memory per hash, in KiB
	 * @param iterations passes over that memory
	 * @param parallelism lanes
	 */
	public record Argon2id(@DefaultValue("7168") int memoryKib, @DefaultValue("5") int iterations,
			@DefaultValue("1") int parallelism) {
	}

}
