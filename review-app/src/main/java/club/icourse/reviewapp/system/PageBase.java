package club.icourse.reviewapp.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Gives every page its own address without the page parameter, for the pager's links. */
@ControllerAdvice
class PageBase {

	@ModelAttribute("pageBase")
	String pageBase(HttpServletRequest request) {
		String query = request.getQueryString();
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(query)
			.replaceQueryParam("page")
			.build()
			.toUriString()
			.substring(request.getContextPath().length());
	}

}
