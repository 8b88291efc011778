package club.icourse.reviewapp.catalogue;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the size limit fails while the request is read, before any controller is chosen; the catalogue page
 * (the only upload) then says so, rather than an error page.
 */
@ControllerAdvice
class UploadTooLarge {

    private final DataSize maxFileSize;

    UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView(CatalogueAdminController.VIEW, HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("maxMegabytes", maxFileSize.toMegabytes());
        page.addObject("tooLarge", true);
        return page;
    }
}
