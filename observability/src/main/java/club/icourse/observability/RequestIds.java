package club.icourse.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, carried across: the balancer's {@code X-Request-Id} when it
 * sends a sensible one (nginx: {@code proxy_set_header X-Request-Id $request_id}), else a
 * new one. It is in every log line of the request (MDC key {@code request_id}, which the
 * JSON log format includes) and in the response, so a person's error report, the
 * balancer's log and both apps' logs can be joined.
 */
public class RequestIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "request_id";

	private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = given != null && SENSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
