package club.icourse.reviewapp.home;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseSort;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.review.ReviewListing;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the newest reviews the reader may see, and the best-rated courses. */
@Controller
class HomeController {

	static final String VIEW = "home/index";

	private static final int LATEST = 10;

	private final ReviewListing reviews;

	private final ReviewCards cards;

	private final CourseCatalogue catalogue;

	HomeController(ReviewListing reviews, ReviewCards cards, CourseCatalogue catalogue) {
		this.reviews = reviews;
		this.cards = cards;
		this.catalogue = catalogue;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Optional<Person> reader = SignedIn.person(authentication);
		model.addAttribute("latest", cards.of(reviews.latest(reader, LATEST), reader));
		model.addAttribute("top", catalogue.first(CourseSort.RATING, LATEST));
		return VIEW;
	}

}
