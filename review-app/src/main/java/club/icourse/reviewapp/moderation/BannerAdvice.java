package club.icourse.reviewapp.moderation;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The current banner announcement, on every page; not for the API's answers, which have
 * no page to show it on (its query would be wasted on every call).
 */
@ControllerAdvice
class BannerAdvice {

	private final Announcements announcements;

	BannerAdvice(Announcements announcements) {
		this.announcements = announcements;
	}

	@ModelAttribute("banner")
	Announcements.Announcement banner(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		return announcements.banner().orElse(null);
	}

}
