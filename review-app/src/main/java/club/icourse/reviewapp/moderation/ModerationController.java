package club.icourse.reviewapp.moderation;

import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.mention.Mentions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' pages: the report queue, the moderation log, muting, announcements.
 */
@Controller
class ModerationController {

	private final Reports reports;

	private final ModerationLog log;

	private final Muting muting;

	private final Announcements announcements;

	private final PersonRepository people;

	private final LocalAdmins localAdmins;

	ModerationController(Reports reports, ModerationLog log, Muting muting, Announcements announcements,
			PersonRepository people, LocalAdmins localAdmins) {
		this.localAdmins = localAdmins;
		this.reports = reports;
		this.log = log;
		this.muting = muting;
		this.announcements = announcements;
		this.people = people;
	}

	@GetMapping("/admin/reports")
	String queue(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("reports", reports.open(Page.number(page)));
		return "moderation/reports";
	}

	@PostMapping("/admin/reports/{id}")
	String handle(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, Authentication authentication) {
		reports.handle(admin(authentication), id, outcome, note);
		return "redirect:/admin/reports";
	}

	@GetMapping("/admin/moderation-log")
	String log(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("entries", log.page(Page.number(page)));
		return "moderation/log";
	}

	@PostMapping("/admin/people/{username}/mute")
	String mute(@PathVariable String username, @RequestParam(required = false) String days,
			@RequestParam(required = false) String reason, Authentication authentication) {
		Person person = people.byUsername(username).orElseThrow(ModerationRefusedException::new);
		muting.mute(admin(authentication), person.id(), parseDays(days), reason);
		return "redirect:" + Mentions.profilePath(person.username());
	}

	@PostMapping("/admin/people/{username}/admin")
	String grantAdmin(@PathVariable String username, @RequestParam(defaultValue = "false") boolean granted,
			Authentication authentication) {
		Person person = people.byUsername(username).orElseThrow(ModerationRefusedException::new);
		localAdmins.grant(admin(authentication), person.id(), granted);
		return "redirect:" + Mentions.profilePath(person.username());
	}

	@GetMapping("/admin/announcements")
	String announcements(Model model) {
		model.addAttribute("announcements", announcements.all(100));
		return "moderation/announcements";
	}

	@PostMapping("/admin/announcements")
	String announce(@RequestParam(required = false) String body, @RequestParam(defaultValue = "false") boolean banner,
			@RequestParam(required = false) String days, Authentication authentication) {
		announcements.announce(admin(authentication), body, banner,
				days == null || days.isBlank() ? null : parseDays(days));
		return "redirect:/admin/announcements";
	}

	@PostMapping("/admin/announcements/{id}/withdraw")
	String withdraw(@PathVariable long id, Authentication authentication) {
		announcements.withdraw(admin(authentication), id);
		return "redirect:/admin/announcements";
	}

	private static int parseDays(String days) {
		try {
			return Integer.parseInt(days == null ? "" : days.strip());
		}
		catch (NumberFormatException e) {
			throw new ModerationRefusedException();
		}
	}

	private static Person admin(Authentication authentication) {
		return SignedIn.person(authentication).filter(Person::admin).orElseThrow(ModerationRefusedException::new);
	}

}
