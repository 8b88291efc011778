package club.icourse.reviewapp.search;

import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.SignedIn;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchController {

	static final String RESULTS = "search/results";

	private final CatalogueSearch search;

	private final FilterOptions filterOptions;

	SearchController(CatalogueSearch search, FilterOptions filterOptions) {
		this.search = search;
		this.filterOptions = filterOptions;
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "department", required = false) String department,
			@RequestParam(name = "term", required = false) String term,
			@RequestParam(name = "page", required = false) String page, Authentication authentication, Model model) {
		CatalogueSearch.Results results = search.search(new CatalogueSearch.Request(query, SearchKind.parse(kind),
				chosen(department), chosen(term), Page.number(page), SignedIn.person(authentication)));
		model.addAttribute("query", results.query());
		model.addAttribute("results", results);
		model.addAttribute("courses", results.kind() == SearchKind.COURSE
				? results.hits().items().stream().map(CatalogueSearch.Hit::course).toList() : List.of());
		model.addAttribute("kinds", SearchKind.values());
		model.addAttribute("department", chosen(department));
		model.addAttribute("term", chosen(term));
		FilterOptions.Options options = filterOptions.current();
		model.addAttribute("departments", options.departments());
		model.addAttribute("terms", options.terms());
		return RESULTS;
	}

	private static String chosen(String filter) {
		return filter == null || filter.isBlank() || filter.length() > 64 ? null : filter.strip();
	}

}
