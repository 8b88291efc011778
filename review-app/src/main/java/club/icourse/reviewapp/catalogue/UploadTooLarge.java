package club.icourse.reviewapp.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload over the size limit fails while the request is read, before any controller is
 * chosen; the page of the upload (the catalogue page, the settings page for an avatar, a
 * teacher's edit page for a photo) then says so, rather than an error page.
 */
@ControllerAdvice
class UploadTooLarge {

	private static final Pattern TEACHER_PHOTO = Pattern.compile("/teachers/(\\d+)/photo");

	private final DataSize maxFileSize;

	UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/settings")) {
			// An avatar far over its own limit: back to the settings page, which says so.
			redirect.addFlashAttribute("avatarProblem", "settings.avatar.too-large");
			return new ModelAndView("redirect:/settings");
		}
		Matcher photo = TEACHER_PHOTO.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (photo.matches()) {
			redirect.addFlashAttribute("photoProblem", "settings.avatar.too-large");
			return new ModelAndView("redirect:/teachers/" + photo.group(1) + "/edit");
		}
		ModelAndView page = new ModelAndView(CatalogueAdminController.VIEW, HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("maxMegabytes", maxFileSize.toMegabytes());
		page.addObject("tooLarge", true);
		return page;
	}

}
