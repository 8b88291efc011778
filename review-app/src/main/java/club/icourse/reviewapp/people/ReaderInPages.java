package club.icourse.reviewapp.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who reads the page, for every template: {@code ${reader}} is the signed-in person
 * (their username, and whether they are an administrator, which is when they hold
 * {@code ROLE_ADMIN}), or null for a visitor. Templates ask it rather than Spring
 * Security's {@code sec:authorize} and {@code #authorization}: each of those looks the
 * expression handler beans up, parses its expression again and builds a new evaluation
 * context (13-22% of a page's CPU in issue 20's profile); this is worked out once per
 * request.
 * <p>
 * A request attribute rather than a model attribute, so that pages rendered by exception
 * handlers (the 404 page of a missing course) still show who is signed in.
 */
@Configuration(proxyBeanMethods = false)
class ReaderInPages implements WebMvcConfigurer {

	static final String READER = "reader";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				SignedIn.person(SecurityContextHolder.getContext().getAuthentication())
					.ifPresent(person -> request.setAttribute(READER, person));
				return true;
			}

		}).excludePathPatterns("/api/**");
	}

}
