package club.icourse.reviewapp.api;

import club.icourse.web.RateLimitBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per app (the client its token was issued to), in MariaDB (Bucket4j over
 * {@code rate_limit_bucket}) so every instance draws from the same one. Every answer says
 * where the app stands in the fields of draft-ietf-httpapi-ratelimit-headers-07:
 * {@code RateLimit-Limit} (the bucket's size), {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again); a refused request
 * gets 429 with {@code Retry-After} and a problem detail. Requests without a valid token
 * never get here (401 first).
 */
class ApiRateLimit extends OncePerRequestFilter {

	private static final String LIMIT_NAME = "API_APP";

	private final MySQLSelectForUpdateBasedProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	private final long capacity;

	private final Duration period;

	private final ApiProblems problems;

	/**
	 * @param capacity how many requests an app may make at once
	 * @param period how long an empty bucket takes to fill again (greedily: 600 in 10
	 * minutes is one a second)
	 */
	ApiRateLimit(DataSource dataSource, long capacity, Duration period, ApiProblems problems) {
		this.buckets = RateLimitBuckets.inDatabase(dataSource);
		this.capacity = capacity;
		this.period = period;
		this.problems = problems;
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
			.build();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe = RateLimitBuckets.tryConsume(buckets,
				RateLimitBuckets.bucketId(LIMIT_NAME, ApiCallers.app(token.getToken())), () -> configuration);
		long remaining = probe.getRemainingTokens();
		response.setHeader("RateLimit-Limit", Long.toString(capacity));
		response.setHeader("RateLimit-Remaining", Long.toString(remaining));
		response.setHeader("RateLimit-Reset", Long.toString(secondsUntilFull(remaining)));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
				+ (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		problems.write(response, problems.of(ApiProblem.RATE_LIMITED, request, retryAfter));
	}

	private long secondsUntilFull(long remaining) {
		long missing = capacity - remaining;
		return missing <= 0 ? 0 : (period.toMillis() * missing / capacity + 999) / 1000;
	}

}
