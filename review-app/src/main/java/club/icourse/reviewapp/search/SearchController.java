package club.icourse.reviewapp.search;

import club.icourse.reviewapp.course.CourseCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchController {

    private static final int LIMIT = 50;

    private final CatalogueSearch search;
    private final CourseCatalogue catalogue;

    SearchController(CatalogueSearch search, CourseCatalogue catalogue) {
        this.search = search;
        this.catalogue = catalogue;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        CatalogueSearch.Hits hits = search.search(query, LIMIT);
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("courses", catalogue.summaries(hits.courses()));
        model.addAttribute("teachers", hits.teachers());
        return "search/results";
    }
}
