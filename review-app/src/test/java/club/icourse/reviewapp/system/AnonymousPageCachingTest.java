package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** The rules for a visitor's page, one at a time. */
class AnonymousPageCachingTest {

	private final AnonymousPageCaching filter = new AnonymousPageCaching();

	@Test
	void aVisitorsPublicPageIsShared() throws Exception {
		assertThat(cacheControl(request("/courses/12"), (request, response) -> response.getWriter().write("page")))
			.isEqualTo("max-age=0, public, s-maxage=30");
	}

	@Test
	void aPageRenderedWithACsrfTokenIsNotShared() throws Exception {
		MockHttpServletRequest request = request("/");
		request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret"));
		assertThat(cacheControl(request, (in, response) -> response.getWriter()
			.write("<input name=_csrf value=" + ((CsrfToken) in.getAttribute(CsrfToken.class.getName())).getToken())))
			.isNull();
	}

	@Test
	void aVisitorWithASessionOrGivenACookieOrNotOnAPublicPageIsNotShared() throws Exception {
		MockHttpServletRequest withSession = request("/");
		withSession.setSession(new MockHttpSession());
		assertThat(cacheControl(withSession, (request, response) -> response.getWriter().write("page"))).isNull();
		assertThat(cacheControl(request("/?lang=en"), (request, response) -> {
			((HttpServletResponse) response).addHeader("Set-Cookie", "lang=en");
			response.getWriter().write("page");
		})).isNull();
		assertThat(cacheControl(request("/notifications"), (request, response) -> response.getWriter().write("page")))
			.isNull();
		MockHttpServletRequest post = request("/");
		post.setMethod("POST");
		assertThat(cacheControl(post, (request, response) -> response.getWriter().write("page"))).isNull();
	}

	private String cacheControl(MockHttpServletRequest request, FilterChain page) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, page);
		assertThat(response.getContentAsString()).isNotEmpty();
		return response.getHeader("Cache-Control");
	}

	private static MockHttpServletRequest request(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri.replaceFirst("\\?.*", ""));
		if (uri.contains("?")) {
			request.setQueryString(uri.substring(uri.indexOf('?') + 1));
		}
		return request;
	}

}
