package club.icourse.reviewapp.search;

import club.icourse.web.ClientAddress;
import club.icourse.web.RateLimitBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for search-as-you-type, kept in MariaDB (Bucket4j's
 * MySQL proxy manager) so that every instance draws from the same bucket, and keyed by
 * the real client address behind the balancer ({@link ClientAddress}), not the
 * balancer's. Bucket ids are a SHA-256 of the key, so the table holds no address in
 * clear.
 */
@Component
class SuggestionRateLimit {

	private static final String LIMIT_NAME = "SUGGESTIONS_IP";

	private static final int EXPIRED_ROWS_PER_CLEANUP = 1000;

	private final MySQLSelectForUpdateBasedProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	private final ClientAddress clientAddress;

	/**
	 * @param burst how many suggestions a client may ask for at once
	 * @param refill how long an empty bucket takes to fill again (greedily: 30 in 3 s is
	 * one every 100 ms)
	 */
	SuggestionRateLimit(DataSource dataSource, ClientAddress clientAddress,
			@Value("${icourse.search.suggestions-burst:30}") long burst,
			@Value("${icourse.search.suggestions-refill:3s}") Duration refill) {
		this.clientAddress = clientAddress;
		this.buckets = RateLimitBuckets.inDatabase(dataSource);
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(burst).refillGreedy(burst, refill))
			.build();
	}

	/**
	 * Takes one suggestion's worth from the bucket of the request's client; empty when
	 * allowed, else how long to wait.
	 */
	Optional<Duration> waitBefore(HttpServletRequest request) {
		ConsumptionProbe probe = RateLimitBuckets.tryConsume(buckets,
				RateLimitBuckets.bucketId(LIMIT_NAME, clientAddress.of(request)), () -> configuration);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Deletes buckets that have refilled completely: they hold nothing a new bucket would
	 * not.
	 */
	@Scheduled(fixedDelayString = "${icourse.search.suggestion-bucket-cleanup:10m}",
			initialDelayString = "${icourse.search.suggestion-bucket-cleanup:10m}")
	@SchedulerLock(name = "search.suggestion-bucket-cleanup")
	void removeFullBuckets() {
		while (buckets.removeExpired(EXPIRED_ROWS_PER_CLEANUP) == EXPIRED_ROWS_PER_CLEANUP) {
			// Keep going while whole batches were deleted.
		}
	}

}
