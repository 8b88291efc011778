package club.icourse.reviewapp.api;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's own filter chain, ahead of the site's (which signs people in with cookies and
 * is left as it is): {@code /api/**} takes only bearer access tokens from iCourse ID
 * ({@link AccessTokenDecoder}), keeps no session and so needs no CSRF token, and rates
 * every app. The OpenAPI description and its rendered docs need no token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurityConfiguration {

	static final String[] DOCS = { "/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**",
			"/api/swagger-ui/**" };

	@Bean
	JwtDecoder accessTokenDecoder(@Value("${icourse.id.server-url}") String serverUrl,
			@Value("${icourse.id.issuer}") String issuer) {
		return AccessTokenDecoder.of(serverUrl, issuer);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, JwtDecoder accessTokenDecoder, ApiScopes scopes, ApiProblems problems,
			DataSource dataSource, @Value("${icourse.api.rate-limit.requests:600}") long requests,
			@Value("${icourse.api.rate-limit.period:10m}") Duration period) throws Exception {
		http.securityMatcher("/api/**").authorizeHttpRequests(authorize -> {
			authorize.requestMatchers(DOCS).permitAll();
			ApiScopes.require(authorize);
			authorize.anyRequest().authenticated();
		})
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(accessTokenDecoder))
				.authenticationEntryPoint(scopes)
				.accessDeniedHandler(scopes))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(scopes).accessDeniedHandler(scopes))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable)
			.addFilterAfter(new ApiRateLimit(dataSource, requests, period, problems),
					BearerTokenAuthenticationFilter.class);
		return http.build();
	}

}
