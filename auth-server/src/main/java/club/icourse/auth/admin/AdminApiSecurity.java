package club.icourse.auth.admin;

import club.icourse.auth.audit.Actors;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin API takes bearer tokens only: access tokens with the admin scope that are
 * still live in the authorization store, so that revoking a token, or switching its
 * client off, takes effect at once rather than when the JWT expires.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurity implements WebMvcConfigurer {

	private final AuditLog audit;

	private final Actors actors;

	AdminApiSecurity(AuditLog audit, Actors actors) {
		this.audit = audit;
		this.actors = actors;
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain adminApi(HttpSecurity http, OAuth2AuthorizationService authorizations) throws Exception {
		http.securityMatcher(ClientAdminApi.BASE + "/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().access(liveAdminToken(authorizations)))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> liveAdminToken(
			OAuth2AuthorizationService authorizations) {
		return (authentication, context) -> {
			Authentication caller = authentication.get();
			if (!(caller instanceof JwtAuthenticationToken token) || caller.getAuthorities()
				.stream()
				.noneMatch(a -> a.getAuthority().equals("SCOPE_" + ClientDefinition.ADMIN_SCOPE))) {
				return new AuthorizationDecision(false);
			}
			OAuth2Authorization grant = authorizations.findByToken(token.getToken().getTokenValue(),
					OAuth2TokenType.ACCESS_TOKEN);
			OAuth2Authorization.Token<OAuth2AccessToken> live = grant == null ? null : grant.getAccessToken();
			return new AuthorizationDecision(live != null && live.isActive());
		};
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				Authentication caller = SecurityContextHolder.getContext().getAuthentication();
				if (caller != null) {
					audit.record(actors.of(caller), "api." + request.getMethod().toLowerCase(Locale.ROOT),
							request.getRequestURI(), "answered " + response.getStatus());
				}
			}
		}).addPathPatterns(ClientAdminApi.BASE + "/**");
	}

}
