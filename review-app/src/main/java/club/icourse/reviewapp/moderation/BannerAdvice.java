package club.icourse.reviewapp.moderation;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The current banner announcement, on every page. */
@ControllerAdvice
class BannerAdvice {

	private final Announcements announcements;

	BannerAdvice(Announcements announcements) {
		this.announcements = announcements;
	}

	@ModelAttribute("banner")
	Announcements.Announcement banner() {
		return announcements.banner().orElse(null);
	}

}
