package club.icourse.auth.signin;

import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.web.ClientAddress;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;

@Configuration(proxyBeanMethods = false)
class SignInRateLimitConfiguration {

	@Bean
	FilterRegistrationBean<SignInRateLimitFilter> signInRateLimitFilter(RateLimiter rateLimiter,
			ClientAddress clientAddress, SignInNames names, @Qualifier("thymeleafViewResolver") ViewResolver views,
			LocaleResolver locales) {
		FilterRegistrationBean<SignInRateLimitFilter> registration = new FilterRegistrationBean<>(
				new SignInRateLimitFilter(rateLimiter, clientAddress, names, views, locales));
		registration.addUrlPatterns(SignInRateLimitFilter.PATHS.toArray(String[]::new));
		// Ahead of Spring Security, so that a limited request never reaches the password
		// check.
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

}
