package club.icourse.auth.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * Every "now" of the app comes from here, in UTC, so that tests can reason about
	 * time.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
