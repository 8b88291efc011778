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

	/**
	 * Sets the follow to what the button said it would become ({@code follow=true} or
	 * {@code false}); a request without it is refused, never taken as a toggle.
	 */
	@PostMapping("/courses/{id}/follow")
	String followCourse(@PathVariable long id, @RequestParam boolean follow, Authentication authentication) {
		follows.setCourse(SignedIn.required(authentication), id, follow);
		return "redirect:/courses/" + id;
	}

	@PostMapping("/people/{username}/follow")
	String followPerson(@PathVariable String username, @RequestParam boolean follow, Authentication authentication) {
		Person followee = people.byUsername(username).orElseThrow(PersonNotFollowableException::new);
		follows.setPerson(SignedIn.required(authentication), followee.id(), follow);
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
