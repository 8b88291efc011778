package club.icourse.reviewapp.search;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What people looked for in the last 30 days, and what found nothing: for administrators
 * (see /admin/**).
 */
@Controller
class SearchAdminController {

	static final String QUERIES = "search/queries";

	private static final Duration WINDOW = Duration.ofDays(30);

	private static final int LIMIT = 100;

	private final QueryLog log;

	SearchAdminController(QueryLog log) {
		this.log = log;
	}

	@GetMapping("/admin/search")
	String queries(Model model) {
		model.addAttribute("frequent", log.frequent(WINDOW, false, LIMIT));
		model.addAttribute("unfound", log.frequent(WINDOW, true, LIMIT));
		return QUERIES;
	}

}
