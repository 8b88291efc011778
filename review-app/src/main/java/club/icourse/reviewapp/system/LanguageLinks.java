package club.icourse.reviewapp.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's 中文 and English links: the page one is on, with every parameter of its
 * query (a search, a filtered list, a page number), in the other language.
 */
@ControllerAdvice
class LanguageLinks {

	/** Addresses relative to the context path, for {@code @{...}}. */
	record Links(String zh, String en) {
	}

	@ModelAttribute("languageLinks")
	Links languageLinks(HttpServletRequest request) {
		return new Links(link(request, "zh-CN"), link(request, "en"));
	}

	private static String link(HttpServletRequest request, String language) {
		// An error page is rendered at /error: link to the address that failed.
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = failed instanceof String uri ? uri : request.getRequestURI();
		String query = failed instanceof String ? null : request.getQueryString();
		return UriComponentsBuilder.fromPath(path)
			.query(query)
			.replaceQueryParam("lang", language)
			.build()
			.toUriString()
			.substring(request.getContextPath().length());
	}

}
