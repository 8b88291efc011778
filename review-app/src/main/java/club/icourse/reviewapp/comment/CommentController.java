package club.icourse.reviewapp.comment;

import club.icourse.reviewapp.people.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Controller
class CommentController {

	private final Comments comments;

	CommentController(Comments comments) {
		this.comments = comments;
	}

	@PostMapping("/reviews/{reviewId}/comments")
	String write(@PathVariable long reviewId, @RequestParam(defaultValue = "") String content,
			Authentication authentication) {
		comments.write(SignedIn.person(authentication).orElseThrow(), reviewId, content);
		return "redirect:/reviews/" + reviewId;
	}

	@PostMapping("/comments/{id}/delete")
	String delete(@PathVariable long id, Authentication authentication) {
		long reviewId = comments.delete(SignedIn.person(authentication).orElseThrow(), id);
		return "redirect:/reviews/" + reviewId;
	}

	@ExceptionHandler(Comments.CommentRefusedException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String refused(Comments.CommentRefusedException refused, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("problem", refused.messageKey());
		return "error";
	}

}
