package club.icourse.reviewapp.profile;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.web.UploadedImages;
import club.icourse.web.UploadedImages.ImageRefusedException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own settings: description, homepage, privacy switches and
 * avatar.
 */
@Controller
class SettingsController {

	static final String VIEW = "profile/settings";

	private static final int AVATAR_SIDE = 192;

	private final Profiles profiles;

	private final Clock clock;

	private final String accountPage;

	SettingsController(Profiles profiles, Clock clock, @Value("${icourse.id.issuer}") String provider) {
		this.profiles = profiles;
		this.clock = clock;
		// Usernames are kept by iCourse ID, the same on every site; this one follows at
		// the next sign-in.
		this.accountPage = provider.replaceAll("/+$", "") + "/account#username";
	}

	@ModelAttribute("accountPage")
	String accountPage() {
		return accountPage;
	}

	@GetMapping("/settings")
	String form(Authentication authentication, Model model) {
		Profile profile = profiles.of(SignedIn.required(authentication).id());
		model.addAttribute("profile", profile);
		model.addAttribute("settings", new ProfileSettings(profile.description(), profile.homepage(),
				profile.hideFollows(), profile.hideProfile()));
		return VIEW;
	}

	@PostMapping("/settings")
	String save(Authentication authentication, @RequestParam(required = false) String description,
			@RequestParam(required = false) String homepage, @RequestParam(defaultValue = "false") boolean hideFollows,
			@RequestParam(defaultValue = "false") boolean hideProfile, Model model, RedirectAttributes redirect) {
		Person person = SignedIn.required(authentication);
		ProfileSettings settings = ProfileSettings.of(description, homepage, hideFollows, hideProfile);
		List<String> problems = settings.problems();
		if (!problems.isEmpty()) {
			model.addAttribute("profile", profiles.of(person.id()));
			model.addAttribute("settings", settings);
			model.addAttribute("problems", problems);
			return VIEW;
		}
		profiles.update(person.id(), settings);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/settings";
	}

	@PostMapping("/settings/avatar")
	String avatar(Authentication authentication, @RequestParam(required = false) MultipartFile avatar,
			RedirectAttributes redirect) throws IOException {
		Person person = SignedIn.required(authentication);
		try {
			if (avatar == null || avatar.getSize() > UploadedImages.MAX_UPLOAD_BYTES) {
				throw new ImageRefusedException(avatar == null ? "empty" : "too-large");
			}
			profiles.storeAvatar(person.id(), UploadedImages.toPng(avatar.getBytes(), AVATAR_SIDE), clock.instant());
			redirect.addFlashAttribute("saved", true);
		}
		catch (ImageRefusedException refused) {
			redirect.addFlashAttribute("avatarProblem", "settings.avatar." + refused.code());
		}
		return "redirect:/settings";
	}

	@PostMapping("/settings/avatar/remove")
	String removeAvatar(Authentication authentication) {
		profiles.removeAvatar(SignedIn.required(authentication).id());
		return "redirect:/settings";
	}

}
