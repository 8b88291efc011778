package club.icourse.auth.developers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The developer portal's limits.
 *
 * @param maxTesters how many people an owner may name to use a pending app
 * @param secretGrace how long a rotated-out secret keeps working
 * @param maxAppsPerOwner how many apps one account may register
 */
@ConfigurationProperties("icourse.developers")
public record DeveloperSettings(@DefaultValue("10") int maxTesters, @DefaultValue("7d") Duration secretGrace,
		@DefaultValue("20") int maxAppsPerOwner) {
}
