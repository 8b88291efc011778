package club.icourse.reviewapp.system;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Public pages may be cached by shared caches, after Spring Security has said who reads.
 */
@Configuration(proxyBeanMethods = false)
class PageCachingConfiguration {

	@Bean
	FilterRegistrationBean<AnonymousPageCaching> anonymousPageCaching() {
		FilterRegistrationBean<AnonymousPageCaching> registration = new FilterRegistrationBean<>(
				new AnonymousPageCaching());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
