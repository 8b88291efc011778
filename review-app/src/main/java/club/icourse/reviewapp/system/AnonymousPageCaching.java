package club.icourse.reviewapp.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The public pages a visitor who is not signed in reads (home, course list, course and
 * teacher pages, search results) may be kept by a shared cache (the balancer, a CDN) for
 * a short time, and carry an ETag so that a browser asking again gets a 304.
 * <p>
 * Only when nothing in the answer can be personal: a GET of one of these pages, by no one
 * signed in, with no session, answered 200, setting no cookie, and rendered without a
 * CSRF token. Everything else keeps Spring Security's {@code no-store}: a students-only
 * review is shown only to signed-in readers, and a signed-in person's upvotes and forms
 * (CSRF token) are theirs. {@code Vary: Cookie} keeps a cache from answering a signed-in
 * person's request with the visitor's page.
 * <p>
 * It runs after Spring Security's filters (it needs to know who is signed in) and buffers
 * the page to hash it; its headers are set before Spring Security writes its own, which
 * then leaves Cache-Control alone.
 */
public class AnonymousPageCaching extends OncePerRequestFilter {

	static final CacheControl SHARED = CacheControl.maxAge(Duration.ZERO).sMaxAge(Duration.ofSeconds(30)).cachePublic();

	private static final List<PathPattern> PAGES = List
		.of("/", "/courses", "/courses/{id}", "/teachers/{id}", "/search")
		.stream()
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return true;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return PAGES.stream().noneMatch(page -> page.matches(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (personal(request)) {
			chain.doFilter(request, response);
			return;
		}
		CsrfTokenUse csrf = new CsrfTokenUse(request);
		ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
		chain.doFilter(csrf, page);
		if (page.getStatus() == HttpServletResponse.SC_OK && !csrf.used() && !personal(request)
				&& page.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
			String etag = "\"" + DigestUtils.md5DigestAsHex(page.getContentInputStream()) + "\"";
			response.setHeader(HttpHeaders.CACHE_CONTROL, SHARED.getHeaderValue());
			response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
			if (new ServletWebRequest(request, response).checkNotModified(etag)) {
				return;
			}
		}
		page.copyBodyToResponse();
	}

	private static boolean personal(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return signedIn || request.getSession(false) != null;
	}

	/** Notices whether rendering the page read the CSRF token (a form that posts). */
	private static final class CsrfTokenUse extends HttpServletRequestWrapper {

		private boolean used;

		CsrfTokenUse(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			Object value = super.getAttribute(name);
			if (value instanceof CsrfToken token) {
				return new NoticedToken(token, () -> used = true);
			}
			return value;
		}

		boolean used() {
			return used;
		}

	}

	private record NoticedToken(CsrfToken token, Runnable notice) implements CsrfToken {

		@Override
		public String getHeaderName() {
			return token.getHeaderName();
		}

		@Override
		public String getParameterName() {
			return token.getParameterName();
		}

		@Override
		public String getToken() {
			notice.run();
			return token.getToken();
		}

	}

}
