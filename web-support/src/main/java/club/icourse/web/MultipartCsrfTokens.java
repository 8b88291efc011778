package club.icourse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Takes the CSRF token of a multipart form (an upload) from the query string only, as the
 * upload form sends it. Reading it as a request parameter would make the container parse
 * the whole upload inside the security filters, where a file over the size limit ends in
 * the container's bare error page (or, once the failed parse has lost the token, a CSRF
 * refusal); parsed later by Spring MVC, it gets the page that says what the limit is.
 * Both apps' page chains use it; their upload forms put {@code _csrf} in the action's
 * query string.
 */
public final class MultipartCsrfTokens implements CsrfTokenRequestHandler {

	private final CsrfTokenRequestHandler standard = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		standard.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		String contentType = request.getContentType();
		boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
		return standard.resolveCsrfTokenValue(multipart ? new QueryStringOnly(request) : request, csrfToken);
	}

	private static final class QueryStringOnly extends HttpServletRequestWrapper {

		QueryStringOnly(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			String query = getQueryString();
			if (query == null) {
				return null;
			}
			String value = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(name);
			return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
		}

	}

}
