package club.icourse.reviewapp.moderation;

import club.icourse.reviewapp.people.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reporting a review or a comment, from its page. */
@Controller
class ReportController {

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@PostMapping("/reviews/{id}/report")
	String reportReview(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String details, Authentication authentication) {
		reports.reportReview(SignedIn.required(authentication), id, reason, details);
		return "redirect:/reviews/" + id + "?reported";
	}

	@PostMapping("/comments/{id}/report")
	String reportComment(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String details, Authentication authentication) {
		long reviewId = reports.reportComment(SignedIn.required(authentication), id, reason, details);
		return "redirect:/reviews/" + reviewId + "?reported";
	}

}
