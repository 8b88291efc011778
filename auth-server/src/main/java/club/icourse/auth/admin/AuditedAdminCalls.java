package club.icourse.auth.admin;

import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/** Every call of the admin API goes into the audit log, with its answer. */
final class AuditedAdminCalls implements HandlerInterceptor {

	private final AuditLog audit;

	private final Actors actors;

	AuditedAdminCalls(AuditLog audit, Actors actors) {
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null) {
			audit.record(actors.of(caller), "api." + request.getMethod().toLowerCase(Locale.ROOT),
					request.getRequestURI(), "answered " + response.getStatus());
		}
	}

}
