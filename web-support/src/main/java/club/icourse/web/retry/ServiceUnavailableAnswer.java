package club.icourse.web.retry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that failed for a trouble that passes is answered 503 with Retry-After and
 * the error page, never 500: the client may try again in a moment. Either the app refused
 * it for want of capacity ({@link RetryLater}), or the database failed under it (a node
 * lost, a conflict that kept recurring, a write whose commit cannot be known: see
 * {@link DatabaseFailures#isPassing}). Outermost of the filters, because much of the work
 * happens in filters (sign-in, the token endpoint, the session saved after the response).
 */
public final class ServiceUnavailableAnswer extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableAnswer.class);

	/** About how long a Galera cluster takes to go on without a lost node. */
	static final long DATABASE_RETRY_AFTER_SECONDS = 2;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException failure) {
			long retryAfter = retryAfterSeconds(failure);
			if (retryAfter < 0 || response.isCommitted()) {
				throw failure;
			}
			if (retryAfter == DATABASE_RETRY_AFTER_SECONDS) {
				log.warn("{} {} answered 503, the database failed under it: {}", request.getMethod(),
						request.getRequestURI(), failure.toString());
			}
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

	/** The seconds to wait, or -1 when the failure is not one that passes. */
	private static long retryAfterSeconds(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetryLater later) {
				return later.retryAfterSeconds();
			}
		}
		return DatabaseFailures.isPassing(failure) ? DATABASE_RETRY_AFTER_SECONDS : -1;
	}

}
