package club.icourse.web.browsersession;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The sessions Spring Session's filter and everything else see: the JDBC store, written
 * only when a session changed and read once per request. An auto-configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}) because Spring Boot configures
 * the JDBC store only while no other session store is defined: this one is added after
 * it. Both apps keep their sessions there.
 */
@AutoConfiguration(after = JdbcSessionAutoConfiguration.class)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
@ConditionalOnBean(JdbcIndexedSessionRepository.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class BrowserSessionStore {

	@Bean
	@Primary
	SessionsSavedWhenChanged sessionsSavedWhenChanged(JdbcIndexedSessionRepository sessions) {
		return new SessionsSavedWhenChanged(sessions);
	}

	@Bean
	FilterRegistrationBean<OneSessionReadPerRequest> oneSessionReadPerRequest() {
		FilterRegistrationBean<OneSessionReadPerRequest> registration = new FilterRegistrationBean<>(
				new OneSessionReadPerRequest());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
