package club.icourse.reviewapp.course;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.review.ReviewHistory;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewSort;
import club.icourse.reviewapp.review.Reviews;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The course list, course pages with their reviews, and teacher pages. */
@Controller
class CourseController {

	private final CourseCatalogue catalogue;

	private final ReviewListing listing;

	private final Reviews reviews;

	private final ReviewCards cards;

	private final CourseVotes votes;

	private final ReviewHistory history;

	private final Follows follows;

	CourseController(CourseCatalogue catalogue, ReviewListing listing, Reviews reviews, ReviewCards cards,
			CourseVotes votes, ReviewHistory history, Follows follows) {
		this.history = history;
		this.follows = follows;
		this.catalogue = catalogue;
		this.listing = listing;
		this.reviews = reviews;
		this.cards = cards;
		this.votes = votes;
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

	@GetMapping("/courses/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String term, @RequestParam(required = false) String stars,
			@RequestParam(required = false) String page, Authentication authentication, Model model) {
		CourseDetails course = catalogue.course(id).orElseThrow(CourseNotFoundException::new);
		Optional<Person> viewer = SignedIn.person(authentication);
		ReviewSort order = ReviewSort.of(sort);
		Integer starLevel = starLevel(stars);
		model.addAttribute("course", course);
		model.addAttribute("reviews",
				cards.withComments(listing.ofCourse(id, viewer, order, term, starLevel, Page.number(page)), viewer));
		model.addAttribute("myVote", votes.voteOf(viewer, id));
		model.addAttribute("following", follows.followsCourse(viewer, id));
		model.addAttribute("deletedReviews",
				viewer.filter(Person::admin).map(admin -> history.deletedOf(id)).orElse(List.of()));
		model.addAttribute("termSummary", listing.termSummary(id));
		model.addAttribute("sort", order.parameter());
		model.addAttribute("term", term);
		model.addAttribute("stars", starLevel);
		model.addAttribute("termOptions",
				reviews.termsOf(id).stream().map(t -> new CourseCatalogue.Option(t, t)).toList());
		model.addAttribute("hasOwnReview", viewer.flatMap(person -> reviews.ownReview(id, person)).isPresent());
		return "course/show";
	}

	@PostMapping("/courses/{id}/vote")
	String vote(@PathVariable long id, @RequestParam(defaultValue = "0") int value, Authentication authentication) {
		votes.vote(SignedIn.person(authentication).orElseThrow(), id, Integer.signum(value));
		return "redirect:/courses/" + id;
	}

	@GetMapping("/teachers/{id}")
	String teacher(@PathVariable long id, Model model) {
		model.addAttribute("teacher", catalogue.teacher(id).orElseThrow(CourseNotFoundException::new));
		return "course/teacher";
	}

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
