package club.icourse.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies addresses or CIDR ranges of the load balancers in front of the
 * app; only their X-Forwarded-For is believed
 */
@ConfigurationProperties("icourse.web")
record TrustedProxies(List<String> trustedProxies) {

	TrustedProxies {
		trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
	}

}
