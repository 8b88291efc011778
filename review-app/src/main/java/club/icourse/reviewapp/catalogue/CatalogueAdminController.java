package club.icourse.reviewapp.catalogue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * Administrators upload a catalogue file and see what it changed, or why it was refused.
 * Only /admin/** (ADMIN).
 */
@Controller
class CatalogueAdminController {

	static final String VIEW = "catalogue/admin";
	static final String PATH = "/admin/catalogue";

	/** A refusal as shown: where and what, in the reader's language. */
	record ProblemView(String entry, String field, String message) {
	}

	private final CatalogueImport catalogue;

	private final MessageSource messages;

	private final DataSize maxFileSize;

	CatalogueAdminController(CatalogueImport catalogue, MessageSource messages,
			@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
		this.catalogue = catalogue;
		this.messages = messages;
		this.maxFileSize = maxFileSize;
	}

	@GetMapping(PATH)
	String form(Model model) {
		model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
		return VIEW;
	}

	@PostMapping(PATH)
	ModelAndView upload(@RequestParam(name = "file", required = false) MultipartFile file, Locale locale)
			throws IOException {
		ModelAndView page = new ModelAndView(VIEW);
		page.addObject("maxMegabytes", maxFileSize.toMegabytes());
		if (file == null || file.isEmpty()) {
			return refused(page, List.of(CatalogueProblem.of("file", "", "empty")), locale);
		}
		try {
			page.addObject("summary", catalogue.load(file.getBytes()));
			page.addObject("fileName", file.getOriginalFilename());
			return page;
		}
		catch (CatalogueRefusedException e) {
			return refused(page, e.problems(), locale);
		}
	}

	private ModelAndView refused(ModelAndView page, List<CatalogueProblem> problems, Locale locale) {
		page.addObject("problems",
				problems.stream()
					.map(p -> new ProblemView(p.entry(), p.field(),
							messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)))
					.toList());
		page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return page;
	}

}
