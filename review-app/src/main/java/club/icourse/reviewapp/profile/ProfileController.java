package club.icourse.reviewapp.profile;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.moderation.LocalAdmins;
import club.icourse.reviewapp.people.Mutes;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.web.NotFoundException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Profile pages: who someone is, their reviews (never the anonymous ones, except to
 * themselves and administrators), and whom they follow, unless they hide that or their
 * whole profile (administrators still see it).
 */
@Controller
class ProfileController {

	static class ProfileNotFoundException extends NotFoundException {

	}

	private final Profiles profiles;

	private final ReviewListing reviews;

	private final ReviewCards cards;

	private final Follows follows;

	private final Mutes mutes;

	private final LocalAdmins localAdmins;

	ProfileController(Profiles profiles, ReviewListing reviews, ReviewCards cards, Follows follows, Mutes mutes,
			LocalAdmins localAdmins) {
		this.localAdmins = localAdmins;
		this.mutes = mutes;
		this.profiles = profiles;
		this.reviews = reviews;
		this.cards = cards;
		this.follows = follows;
	}

	@GetMapping("/people/{username}")
	String show(@PathVariable String username, @RequestParam(required = false) String page,
			Authentication authentication, Model model) {
		Profile profile = profiles.byUsername(username).orElseThrow(ProfileNotFoundException::new);
		Optional<Person> viewer = SignedIn.person(authentication);
		boolean self = viewer.map(person -> person.id() == profile.id()).orElse(false);
		boolean privileged = self || viewer.map(Person::admin).orElse(false);
		model.addAttribute("profile", profile);
		model.addAttribute("self", self);
		model.addAttribute("hidden", profile.hideProfile() && !privileged);
		model.addAttribute("following", follows.followsPerson(viewer, profile.id()));
		model.addAttribute("localAdmin",
				viewer.filter(Person::admin).map(admin -> localAdmins.isLocalAdmin(profile.id())).orElse(false));
		model.addAttribute("mutedUntil",
				viewer.filter(Person::admin).flatMap(admin -> mutes.mutedUntil(profile.id())).orElse(null));
		if (!profile.hideProfile() || privileged) {
			model.addAttribute("reviews", cards.of(reviews.byAuthor(profile.id(), viewer, Page.number(page)), viewer));
			boolean showFollows = !profile.hideFollows() || privileged;
			model.addAttribute("showFollows", showFollows);
			if (showFollows) {
				model.addAttribute("followedCourses", follows.coursesFollowedBy(profile.id()));
				model.addAttribute("followedPeople", follows.peopleFollowedBy(profile.id()));
				model.addAttribute("followers", follows.followersOf(profile.id()));
			}
		}
		return "profile/show";
	}

	@GetMapping("/people/{username}/avatar")
	ResponseEntity<byte[]> avatar(@PathVariable String username) {
		return profiles.byUsername(username)
			.filter(profile -> !profile.hideProfile())
			.flatMap(profile -> profiles.avatar(profile.id()))
			.map(png -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				// The address carries the avatar's version, so a new avatar is a new
				// address.
				.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
				.header("X-Content-Type-Options", "nosniff")
				.body(png))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

}
