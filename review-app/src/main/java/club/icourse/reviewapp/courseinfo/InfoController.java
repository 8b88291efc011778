package club.icourse.reviewapp.courseinfo;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.web.UploadedImages;
import club.icourse.web.UploadedImages.ImageRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing a course's or a teacher's information, its versions, and the administrators'
 * controls.
 */
@Controller
class InfoController {

	private final InfoEdits edits;

	private final CourseTeachers teachers;

	private final TeacherPhotos photos;

	private final TeacherAccounts accounts;

	InfoController(InfoEdits edits, CourseTeachers teachers, TeacherPhotos photos, TeacherAccounts accounts) {
		this.edits = edits;
		this.teachers = teachers;
		this.photos = photos;
		this.accounts = accounts;
	}

	@GetMapping("/{kind:courses|teachers}/{id}/edit")
	String form(@PathVariable String kind, @PathVariable long id, Model model) {
		InfoSubject subject = subject(kind);
		model.addAttribute("info", edits.info(subject, id));
		model.addAttribute("versions", edits.history(subject, id));
		if (subject == InfoSubject.TEACHER) {
			model.addAttribute("photos", photos.versions(id));
			model.addAttribute("account", accounts.account(id).orElse(null));
		}
		return "courseinfo/edit";
	}

	@PostMapping("/teachers/{id}/photo")
	String uploadPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo,
			Authentication authentication, RedirectAttributes redirect) throws IOException {
		try {
			if (photo == null || photo.getSize() > UploadedImages.MAX_UPLOAD_BYTES) {
				throw new ImageRefusedException(photo == null ? "empty" : "too-large");
			}
			photos.upload(SignedIn.required(authentication), id, photo.getBytes());
		}
		catch (ImageRefusedException refused) {
			redirect.addFlashAttribute("photoProblem", "settings.avatar." + refused.code());
			return "redirect:/teachers/" + id + "/edit";
		}
		return "redirect:/teachers/" + id;
	}

	@GetMapping("/teachers/{id}/photo/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		return photos.png(id, photoId)
			.map(png -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				// A new photo is a new address.
				.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
				.body(png))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	@PostMapping("/teachers/{id}/photo/show")
	String showPhoto(@PathVariable long id, @RequestParam(required = false) Long photo, Authentication authentication) {
		photos.show(SignedIn.required(authentication), id, photo);
		return "redirect:/teachers/" + id + "/edit";
	}

	@PostMapping("/teachers/{id}/account")
	String linkAccount(@PathVariable long id, @RequestParam(required = false) String username,
			Authentication authentication) {
		accounts.link(SignedIn.required(authentication), id, username);
		return "redirect:/teachers/" + id + "/edit";
	}

	@PostMapping("/teachers/{id}/account/remove")
	String unlinkAccount(@PathVariable long id, Authentication authentication) {
		accounts.unlink(SignedIn.required(authentication), id);
		return "redirect:/teachers/" + id + "/edit";
	}

	@PostMapping("/{kind:courses|teachers}/{id}/edit")
	String edit(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String text, @RequestParam(required = false) String homepage,
			Authentication authentication) {
		InfoSubject subject = subject(kind);
		edits.edit(SignedIn.required(authentication), subject, id, new InfoEdits.Change(title, text, homepage));
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
			case "info.problem.not-found", "info.problem.account-unknown" -> HttpStatus.NOT_FOUND.value();
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
