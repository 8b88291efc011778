package club.icourse.auth.sqlcount;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Per-request SQL counting, for the benchmark ({@code scripts/bench-auth.sh}) and the
 * statement-budget tests; never on in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "icourse.sql-count.enabled", havingValue = "true")
class SqlCountConfiguration {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource))
						? new CountingDataSource(dataSource) : bean;
			}
		};
	}

	@Bean
	RequestSqlCounts requestSqlCounts(MeterRegistry meters) {
		return new RequestSqlCounts(meters);
	}

	@Bean
	FilterRegistrationBean<RequestSqlCounts> requestSqlCountsFilter(RequestSqlCounts counts) {
		FilterRegistrationBean<RequestSqlCounts> registration = new FilterRegistrationBean<>(counts);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
