package club.icourse.web;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Token buckets in the app's own {@code rate_limit_bucket} table (Bucket4j's MySQL proxy
 * manager, which MariaDB serves), so that a limit holds across every instance. A bucket
 * expires once it has refilled completely: it holds nothing a new one would not.
 */
public final class RateLimitBuckets {

	private RateLimitBuckets() {
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
