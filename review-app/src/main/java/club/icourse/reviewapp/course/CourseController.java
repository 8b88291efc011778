package club.icourse.reviewapp.course;

import club.icourse.reviewapp.people.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The course list, votes on a course, and teacher pages (a course page is in
 * {@code coursepage}).
 */
@Controller
class CourseController {

	private final CourseCatalogue catalogue;

	private final CourseVotes votes;

	private final TeacherStandings standings;

	private final CoursesTaken taken;

	CourseController(CourseCatalogue catalogue, CourseVotes votes, TeacherStandings standings, CoursesTaken taken) {
		this.catalogue = catalogue;
		this.votes = votes;
		this.standings = standings;
		this.taken = taken;
	}

	@GetMapping("/courses")
	String list(@RequestParam(required = false) String sort, @RequestParam(required = false) String department,
			@RequestParam(required = false) String type, @RequestParam(required = false) String term,
			@RequestParam(required = false) String page, Model model) {
		CourseSort order = CourseSort.of(sort);
		model.addAttribute("courses", catalogue.list(order, department, type, term, Page.number(page)));
		model.addAttribute("sort", order.parameter());
		model.addAttribute("department", department);
		model.addAttribute("type", type);
		model.addAttribute("term", term);
		model.addAttribute("departments", catalogue.departments());
		model.addAttribute("types", catalogue.courseTypes());
		model.addAttribute("terms", catalogue.terms());
		return "course/list";
	}

	@PostMapping("/courses/{id}/vote")
	String vote(@PathVariable long id, @RequestParam(defaultValue = "0") int value, Authentication authentication) {
		votes.vote(SignedIn.person(authentication).orElseThrow(), id, Integer.signum(value));
		return "redirect:/courses/" + id;
	}

	/** "I took this course" (in a term, or without saying which), or undoing it. */
	@PostMapping("/courses/{id}/taken")
	String taken(@PathVariable long id, @RequestParam(defaultValue = "true") boolean taken,
			@RequestParam(required = false) String term, Authentication authentication) {
		var person = SignedIn.person(authentication).orElseThrow();
		if (taken) {
			this.taken.take(person, id, term);
		}
		else {
			this.taken.forget(person, id);
		}
		return "redirect:/courses/" + id;
	}

	@GetMapping("/teachers/{id}")
	String teacher(@PathVariable long id, Model model) {
		model.addAttribute("teacher", catalogue.teacher(id).orElseThrow(CourseNotFoundException::new));
		model.addAttribute("standing", standings.of(id).orElse(null));
		return "course/teacher";
	}

	@GetMapping("/teachers")
	String teachers(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("teachers", standings.ranking(Page.number(page)));
		model.addAttribute("minRated", TeacherStandings.MIN_RATED_REVIEWS);
		return "course/teachers";
	}

}
