package club.icourse.auth.security;

import club.icourse.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who is signed in, for every page's header: {@code ${signedIn}} is set when someone is
 * (as Spring Security's {@code isAuthenticated()} says: not anonymous, remembered
 * included), and {@code ${signedIn.admin()}} says whether they hold {@code ROLE_ADMIN}.
 * Templates ask it rather than {@code #authorization.expression(...)}, each of which
 * looks the expression handler beans up, parses its expression again and builds a new
 * evaluation context; this is worked out once per request (issue 20).
 */
@Configuration(proxyBeanMethods = false)
class SignedInHeader implements WebMvcConfigurer {

	static final String ATTRIBUTE = "signedIn";

	/** Someone is signed in; whether they are an administrator. */
	public record SignedIn(boolean admin) {
	}

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (TRUST.isAuthenticated(authentication)) {
					request.setAttribute(ATTRIBUTE,
							new SignedIn(authentication.getAuthorities()
								.stream()
								.map(GrantedAuthority::getAuthority)
								.anyMatch(Role.ADMIN.authority()::equals)));
				}
				return true;
			}

		});
	}

}
