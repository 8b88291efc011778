package club.icourse.auth.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param limits per limit name (see {@link RateLimit#propertyName()}): how many requests
 * per period
 */
@ConfigurationProperties("icourse.rate-limits")
record RateLimitSettings(@DefaultValue("true") boolean enabled, Map<String, Limit> limits) {

	record Limit(long capacity, Duration period) {
	}

	RateLimitSettings {
		limits = limits == null ? Map.of() : Map.copyOf(limits);
	}

	Limit limit(RateLimit limit) {
		Limit configured = limits.get(limit.propertyName());
		if (configured == null) {
			throw new IllegalStateException("Missing icourse.rate-limits.limits." + limit.propertyName());
		}
		return configured;
	}
}
