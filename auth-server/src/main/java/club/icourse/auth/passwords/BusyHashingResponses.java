package club.icourse.auth.passwords;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request refused for want of a password-hashing turn (sign-in, registration, password
 * change) is answered 503 with Retry-After, and the error page, which asks to try again
 * in a moment; never a 500. A filter, because sign-in hashes inside the security filter
 * chain, before any controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BusyHashingResponses extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException failure) {
			PasswordHashingBusyException busy = busy(failure);
			if (busy == null || response.isCommitted()) {
				throw failure;
			}
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

	private static PasswordHashingBusyException busy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PasswordHashingBusyException busy) {
				return busy;
			}
		}
		return null;
	}

}
