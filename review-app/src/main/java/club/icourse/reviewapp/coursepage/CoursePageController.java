package club.icourse.reviewapp.coursepage;

import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.review.ReviewSort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A course page: the course, its figures and its reviews, filtered and in pages. */
@Controller
class CoursePageController {

	static final String VIEW = "course/show";

	private final CoursePages pages;

	CoursePageController(CoursePages pages) {
		this.pages = pages;
	}

	@GetMapping("/courses/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String term, @RequestParam(required = false) String stars,
			@RequestParam(required = false) String page, Authentication authentication, Model model) {
		model.addAttribute("page", pages.page(id, SignedIn.person(authentication), ReviewSort.of(sort), term,
				starLevel(stars), Page.number(page)));
		return VIEW;
	}

	/** 1 to 5 stars; anything else (absent, unreadable, out of range) means all. */
	private static Integer starLevel(String stars) {
		try {
			int level = Integer.parseInt(stars == null ? "" : stars.strip());
			return level >= 1 && level <= 5 ? level : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
