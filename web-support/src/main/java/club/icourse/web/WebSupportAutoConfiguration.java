package club.icourse.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import club.icourse.web.retry.IdempotentWrites;
import club.icourse.web.retry.ServiceUnavailableAnswer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The set-up both apps share. Ahead of Spring MVC's own auto-configuration, so that its
 * default locale resolver backs off for this one.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties(TrustedProxies.class)
public class WebSupportAutoConfiguration {

	/**
	 * Every "now" of the app comes from here, in UTC, so that tests can reason about
	 * time.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Templates show times as {@code ${@schoolTime.dateTime(at)}}. */
	@Bean
	SchoolTime schoolTime(@Value("${icourse.time-zone:Asia/Shanghai}") ZoneId zone) {
		return new SchoolTime(zone);
	}

	@Bean
	ClientAddress clientAddress(TrustedProxies proxies) {
		return new ClientAddress(proxies.trustedProxies());
	}

	@Bean
	NotFoundAnswer notFoundAnswer() {
		return new NotFoundAnswer();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	StaticResources staticResources() {
		return new StaticResources();
	}

	@Bean
	SecurityHeaders securityHeaders() {
		return new SecurityHeaders();
	}

	/**
	 * Pages speak the browser's language (Accept-Language) until the person picks one
	 * with {@code ?lang=}, which a cookie then remembers.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class LanguageConfiguration implements WebMvcConfigurer {

		@Bean
		LocaleResolver localeResolver() {
			CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
			resolver.setCookieMaxAge(Duration.ofDays(365));
			return resolver;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
			interceptor.setParamName("lang");
			registry.addInterceptor(interceptor);
		}

	}

	/**
	 * Writes survive the database's passing failures (club.icourse.web.retry):
	 * {@code @RetriedWhenRolledBack} methods run again, idempotent writes are retried,
	 * and what still fails is answered 503, outermost of every filter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Transactional.class)
	@EnableResilientMethods
	static class DatabaseFailureConfiguration {

		@Bean
		IdempotentWrites idempotentWrites() {
			return new IdempotentWrites();
		}

		@Bean
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		FilterRegistrationBean<ServiceUnavailableAnswer> serviceUnavailableAnswer() {
			FilterRegistrationBean<ServiceUnavailableAnswer> registration = new FilterRegistrationBean<>(
					new ServiceUnavailableAnswer());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	/**
	 * With {@code DB_MIGRATE=validate} the app does not migrate its schema, it only
	 * refuses to start when the database does not match its migrations: a separate job
	 * migrates before the instances start (docker/compose.yaml).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class })
	static class SchemaConfiguration {

		@Bean
		@ConditionalOnProperty(name = "icourse.schema.mode", havingValue = "validate")
		FlywayMigrationStrategy validateOnly() {
			return Flyway::validate;
		}

	}

}
