package club.icourse.auth.developers;

import club.icourse.web.UploadedImages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the container's limit (a logo far over its own 1 MB) fails while Spring
 * MVC reads the request, before any controller runs: answer 413 with a page that says
 * what the limits are, not an error. The upload forms send their CSRF token in the query
 * string ({@code web.MultipartCsrfTokens}), so the security filters never parse the body.
 */
@ControllerAdvice
class UploadTooLarge {

	private final DataSize maxFileSize;

	UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		ModelAndView page = new ModelAndView("developers/too-large", HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("maxMegabytes", maxFileSize.toMegabytes());
		page.addObject("logoMegabytes", UploadedImages.MAX_UPLOAD_BYTES / (1024 * 1024));
		return page;
	}

}
