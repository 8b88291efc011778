package club.icourse.reviewapp.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

@ControllerAdvice
class ModerationRefusedAnswer {

	@ExceptionHandler(ModerationRefusedException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String refused(Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("problem", "moderation.refused");
		return "error";
	}

}
