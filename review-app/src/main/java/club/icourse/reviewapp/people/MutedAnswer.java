package club.icourse.reviewapp.people;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Whatever a muted person tries to post, they get a page that says until when they are
 * muted.
 */
@ControllerAdvice
class MutedAnswer {

	@ExceptionHandler(MutedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String muted(MutedException muted, Model model) {
		model.addAttribute("status", 403);
		model.addAttribute("problem", "people.muted");
		model.addAttribute("problemArgument", muted.until());
		return "error";
	}

}
