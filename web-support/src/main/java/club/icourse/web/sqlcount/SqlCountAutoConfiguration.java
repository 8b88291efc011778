package club.icourse.web.sqlcount;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Per-request SQL counting, for the benchmarks ({@code scripts/bench-auth.sh},
 * {@code scripts/bench-pages.sh}) and the statement-budget tests; never on in production.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DelegatingDataSource.class, MeterRegistry.class })
@ConditionalOnProperty(name = "icourse.sql-count.enabled", havingValue = "true")
public class SqlCountAutoConfiguration {

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
