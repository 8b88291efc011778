package club.icourse.reviewapp.moderation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Everyone can read the site's announcements, current and past. */
@Controller
class AnnouncementController {

	private final Announcements announcements;

	AnnouncementController(Announcements announcements) {
		this.announcements = announcements;
	}

	@GetMapping("/announcements")
	String list(Model model) {
		model.addAttribute("announcements", announcements.all(50));
		return "moderation/public-announcements";
	}

}
