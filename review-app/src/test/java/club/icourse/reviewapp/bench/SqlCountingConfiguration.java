package club.icourse.reviewapp.bench;

import jakarta.servlet.Filter;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

/**
 * The bench profile: every JDBC statement executed while serving a request is counted
 * (the filter comes before Spring Session's, so reading and saving the session count
 * too).
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
public class SqlCountingConfiguration {

	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	static BeanPostProcessor countedDataSource(StatementCounter counter) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource ? counter.counted(dataSource) : bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<Filter> countedRequests(StatementCounter counter) {
		Filter filter = (request, response, chain) -> counter.counting(() -> chain.doFilter(request, response));
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
