package club.icourse.reviewapp.card;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewNotFoundException;
import club.icourse.reviewapp.review.ReviewView;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One review on its own page (the address notifications and links point to): its card
 * with the comments.
 */
@Controller
class ReviewPageController {

	private final ReviewListing listing;

	private final ReviewCards cards;

	ReviewPageController(ReviewListing listing, ReviewCards cards) {
		this.listing = listing;
		this.cards = cards;
	}

	@GetMapping("/reviews/{id}")
	String show(@PathVariable long id, Authentication authentication, Model model) {
		Optional<Person> reader = SignedIn.person(authentication);
		ReviewView review = listing.one(id, reader).orElseThrow(ReviewNotFoundException::new);
		model.addAttribute("card", cards.withComments(List.of(review), reader).getFirst());
		return "review/show";
	}

}
