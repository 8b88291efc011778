package club.icourse.web.browsersession;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers, for the request it wraps (it runs just outside Spring Session's filter), the
 * sessions read from the store. Spring Session's filter commits a session twice when the
 * response was committed before it ends (a redirect, such as every authorization
 * response), and reads the session from the store again for the second time; here that
 * second read is answered from memory.
 */
final class OneSessionReadPerRequest extends OncePerRequestFilter {

	private static final ThreadLocal<Map<String, SessionsSavedWhenChanged.Tracked>> READ = new ThreadLocal<>();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (READ.get() != null) {
			chain.doFilter(request, response);
			return;
		}
		READ.set(new HashMap<>());
		try {
			chain.doFilter(request, response);
		}
		finally {
			READ.remove();
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The sessions read during the current request; null outside a request. */
	static Map<String, SessionsSavedWhenChanged.Tracked> sessionsRead() {
		return READ.get();
	}

}
