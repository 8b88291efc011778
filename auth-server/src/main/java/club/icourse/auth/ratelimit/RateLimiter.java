package club.icourse.auth.ratelimit;

import club.icourse.auth.system.Sha256;
import club.icourse.web.RateLimitBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Token buckets kept in MariaDB (Bucket4j's MySQL proxy manager), so that a limit holds
 * across every instance. Keys are normalized (trimmed, lower case) and stored only as a
 * SHA-256.
 */
@Service
public class RateLimiter {

	private static final int EXPIRED_ROWS_PER_CLEANUP = 1000;

	private final MySQLSelectForUpdateBasedProxyManager<String> buckets;

	private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);

	private final RateLimitSettings settings;

	private final MeterRegistry meters;

	RateLimiter(DataSource dataSource, RateLimitSettings settings, MeterRegistry meters) {
		this.settings = settings;
		this.meters = meters;
		this.buckets = RateLimitBuckets.inDatabase(dataSource);
		for (RateLimit limit : RateLimit.values()) {
			RateLimitSettings.Limit size = settings.limit(limit);
			configurations.put(limit, BucketConfiguration.builder()
				.addLimit(bandwidth -> bandwidth.capacity(size.capacity()).refillGreedy(size.capacity(), size.period()))
				.build());
		}
	}

	/**
	 * Takes one request's worth from the bucket of (limit, key), or throws when it is
	 * empty.
	 */
	public void consume(RateLimit limit, String key) {
		RateLimitDecision decision = tryConsume(limit, key);
		if (!decision.allowed()) {
			throw new RateLimitExceededException(decision.retryAfter());
		}
	}

	public RateLimitDecision tryConsume(RateLimit limit, String key) {
		if (!settings.enabled()) {
			return RateLimitDecision.ALLOWED;
		}
		ConsumptionProbe probe = RateLimitBuckets.tryConsume(buckets, bucketId(limit, key),
				() -> configurations.get(limit));
		if (probe.isConsumed()) {
			return RateLimitDecision.ALLOWED;
		}
		meters.counter("icourse.ratelimit.rejected", "limit", limit.propertyName()).increment();
		return new RateLimitDecision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Refills the bucket of (limit, key) at once (an administrator lifted a limit). */
	public void reset(RateLimit limit, String key) {
		buckets.removeProxy(bucketId(limit, key));
	}

	/**
	 * Deletes buckets that have refilled completely: they hold nothing a new bucket would
	 * not.
	 */
	@Scheduled(fixedDelayString = "${icourse.rate-limits.cleanup-delay:10m}",
			initialDelayString = "${icourse.rate-limits.cleanup-delay:10m}")
	@SchedulerLock(name = "ratelimit.full-bucket-cleanup")
	void removeFullBuckets() {
		while (buckets.removeExpired(EXPIRED_ROWS_PER_CLEANUP) == EXPIRED_ROWS_PER_CLEANUP) {
			// Keep going while whole batches were deleted.
		}
	}

	static String bucketId(RateLimit limit, String key) {
		String normalized = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
		return HexFormat.of().formatHex(Sha256.of(limit.name() + ":" + normalized));
	}

}
