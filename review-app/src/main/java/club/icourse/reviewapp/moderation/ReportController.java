package club.icourse.reviewapp.moderation;

import static club.icourse.db.review.Tables.REVIEW_COMMENT;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import org.jooq.DSLContext;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reporting a review or a comment, from its page. */
@Controller
class ReportController {

	private final Reports reports;

	private final DSLContext dsl;

	ReportController(Reports reports, DSLContext dsl) {
		this.reports = reports;
		this.dsl = dsl;
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
		reports.reportComment(SignedIn.required(authentication), id, reason, details);
		long reviewId = dsl.select(REVIEW_COMMENT.REVIEW_ID)
			.from(REVIEW_COMMENT)
			.where(REVIEW_COMMENT.ID.eq(id))
			.fetchOptional(REVIEW_COMMENT.REVIEW_ID)
			.orElseThrow(ModerationRefusedException::new);
		return "redirect:/reviews/" + reviewId + "?reported";
	}

}
