package club.icourse.web;

import club.icourse.web.retry.DatabaseFailures;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Token buckets in the app's own {@code rate_limit_bucket} table (Bucket4j's MySQL proxy
 * manager, which MariaDB serves), so that a limit holds across every instance. A bucket
 * expires once it has refilled completely: it holds nothing a new one would not.
 */
public final class RateLimitBuckets {

	/**
	 * A bucket's transaction that the database rolled back took nothing, so it runs
	 * again. The first requests of a key at one moment all find no row, take gap locks
	 * and then insert it: MariaDB ends all but one of them as deadlocked (on Galera, a
	 * certification conflict ends one the same way).
	 */
	private static final RetryTemplate AFTER_ROLLBACK = new RetryTemplate(RetryPolicy.builder()
		.predicate(DatabaseFailures::rolledBackTransaction)
		.maxRetries(8)
		.delay(Duration.ofMillis(5))
		.jitter(Duration.ofMillis(5))
		.multiplier(2)
		.maxDelay(Duration.ofMillis(200))
		.build());

	private RateLimitBuckets() {
	}

	/**
	 * The id of one limit's bucket for one key (a client address, an app): a SHA-256 of
	 * both, so the table holds no key in clear.
	 */
	public static String bucketId(String limitName, String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((limitName + ":" + key).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	/**
	 * Takes one request's worth from the bucket {@code id}, made with the configuration
	 * when it does not exist yet.
	 */
	public static ConsumptionProbe tryConsume(MySQLSelectForUpdateBasedProxyManager<String> buckets, String id,
			Supplier<BucketConfiguration> configuration) {
		return AFTER_ROLLBACK.invoke(() -> buckets.getProxy(id, configuration).tryConsumeAndReturnRemaining(1));
	}

	public static MySQLSelectForUpdateBasedProxyManager<String> inDatabase(DataSource dataSource) {
		return Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
	}

}
