package club.icourse.reviewapp.courseinfo;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editing a course's or a teacher's information, its versions, and the administrators'
 * controls.
 */
@Controller
class InfoController {

	private final InfoEdits edits;

	private final CourseTeachers teachers;

	InfoController(InfoEdits edits, CourseTeachers teachers) {
		this.edits = edits;
		this.teachers = teachers;
	}

	@GetMapping("/{kind:courses|teachers}/{id}/edit")
	String form(@PathVariable String kind, @PathVariable long id, Model model) {
		InfoSubject subject = subject(kind);
		model.addAttribute("info", edits.info(subject, id));
		model.addAttribute("versions", edits.history(subject, id));
		return "courseinfo/edit";
	}

	@PostMapping("/{kind:courses|teachers}/{id}/edit")
	String edit(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) String homepage, Authentication authentication) {
		InfoSubject subject = subject(kind);
		edits.edit(SignedIn.required(authentication), subject, id, text, homepage);
		return "redirect:/" + subject.path() + "/" + id;
	}

	@PostMapping("/{kind:courses|teachers}/{id}/revert/{version}")
	String revert(@PathVariable String kind, @PathVariable long id, @PathVariable long version,
			Authentication authentication) {
		InfoSubject subject = subject(kind);
		edits.revert(SignedIn.required(authentication), subject, id, version);
		return "redirect:/" + subject.path() + "/" + id + "/edit";
	}

	@PostMapping("/{kind:courses|teachers}/{id}/lock")
	String lock(@PathVariable String kind, @PathVariable long id, @RequestParam(defaultValue = "false") boolean locked,
			Authentication authentication) {
		InfoSubject subject = subject(kind);
		edits.lock(SignedIn.required(authentication), subject, id, locked);
		return "redirect:/" + subject.path() + "/" + id + "/edit";
	}

	@PostMapping("/courses/{id}/teachers")
	String changeTeachers(@PathVariable long id, @RequestParam(required = false) String names,
			Authentication authentication) {
		teachers.change(SignedIn.required(authentication), id, names == null ? "" : names);
		return "redirect:/courses/" + id;
	}

	@ExceptionHandler(InfoEditRefusedException.class)
	String refused(InfoEditRefusedException refused, Model model, HttpServletResponse response) {
		int status = switch (refused.messageKey()) {
			case "info.problem.not-found" -> HttpStatus.NOT_FOUND.value();
			case "info.problem.locked", "info.problem.not-allowed" -> HttpStatus.FORBIDDEN.value();
			default -> HttpStatus.BAD_REQUEST.value();
		};
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("problem", refused.messageKey());
		return "error";
	}

	private static InfoSubject subject(String kind) {
		return InfoSubject.ofPath(kind).orElseThrow(() -> new InfoEditRefusedException("not-found"));
	}

}
