package club.icourse.reviewapp.follow;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.mention.Mentions;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.review.ReviewListing;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Follow buttons, and the feed of reviews from what one follows. */
@Controller
class FollowController {

	private final Follows follows;

	private final PersonRepository people;

	private final ReviewListing reviews;

	private final ReviewCards cards;

	FollowController(Follows follows, PersonRepository people, ReviewListing reviews, ReviewCards cards) {
		this.follows = follows;
		this.people = people;
		this.reviews = reviews;
		this.cards = cards;
	}

	@PostMapping("/courses/{id}/follow")
	String followCourse(@PathVariable long id, Authentication authentication) {
		follows.toggleCourse(SignedIn.required(authentication), id);
		return "redirect:/courses/" + id;
	}

	@PostMapping("/people/{username}/follow")
	String followPerson(@PathVariable String username, Authentication authentication) {
		Person followee = people.byUsername(username).orElseThrow(PersonNotFollowableException::new);
		follows.togglePerson(SignedIn.required(authentication), followee.id());
		return "redirect:" + Mentions.profilePath(followee.username());
	}

	@GetMapping("/following")
	String feed(Authentication authentication, @RequestParam(required = false) String page, Model model) {
		Person person = SignedIn.required(authentication);
		model.addAttribute("reviews",
				cards.of(reviews.following(person.id(), Optional.of(person), Page.number(page)), Optional.of(person)));
		model.addAttribute("courses", follows.coursesFollowedBy(person.id()));
		model.addAttribute("people", follows.peopleFollowedBy(person.id()));
		return "follow/feed";
	}

}
