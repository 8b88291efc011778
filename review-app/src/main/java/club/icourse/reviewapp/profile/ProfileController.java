package club.icourse.reviewapp.profile;

import club.icourse.reviewapp.people.SignedIn;
import club.icourse.web.NotFoundException;
import java.time.Duration;
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

	private final ProfilePages pages;

	ProfileController(Profiles profiles, ProfilePages pages) {
		this.profiles = profiles;
		this.pages = pages;
	}

	@GetMapping("/people/{username}")
	String show(@PathVariable String username, @RequestParam(required = false) String page,
			Authentication authentication, Model model) {
		Profile profile = profiles.byUsername(username).orElseThrow(ProfileNotFoundException::new);
		model.addAttribute("page", pages.page(profile, SignedIn.person(authentication), page));
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
