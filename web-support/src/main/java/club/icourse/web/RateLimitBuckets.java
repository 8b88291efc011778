package club.icourse.web;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Token buckets in the app's own {@code rate_limit_bucket} table (Bucket4j's MySQL proxy
 * manager, which MariaDB serves), so that a limit holds across every instance. A bucket
 * expires once it has refilled completely: it holds nothing a new one would not.
 */
public final class RateLimitBuckets {

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
