package club.icourse.auth.admin;

import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin API's calls are audited; who may call it is decided by {@link AdminApiAccess}
 * in its filter chain.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiConfiguration implements WebMvcConfigurer {

	private final AuditLog audit;

	private final Actors actors;

	AdminApiConfiguration(AuditLog audit, Actors actors) {
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuditedAdminCalls(audit, actors)).addPathPatterns(AdminApiAccess.PATHS);
	}

}
