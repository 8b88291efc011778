package club.icourse.reviewapp.notification;

import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.feed.AtomFeed;
import club.icourse.reviewapp.notification.Notifications.NotificationView;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.people.SignedIn;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's notifications: the page (which marks what it shows read) and their private
 * Atom feed.
 */
@Controller
class NotificationController {

	private static final int FEED_SIZE = 50;

	private final Notifications notifications;

	private final FeedTokens tokens;

	private final MessageSource messages;

	private final Clock clock;

	private final PersonRepository people;

	NotificationController(Notifications notifications, FeedTokens tokens, MessageSource messages, Clock clock,
			PersonRepository people) {
		this.notifications = notifications;
		this.people = people;
		this.tokens = tokens;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/notifications")
	String page(Authentication authentication, @RequestParam(required = false) String page, Model model) {
		Person person = SignedIn.person(authentication).orElseThrow();
		Page<NotificationView> shown = notifications.page(person, Page.number(page));
		shown.items()
			.stream()
			.mapToLong(NotificationView::id)
			.max()
			.ifPresent(newest -> notifications.markRead(person.id(), newest, clock.instant()));
		model.addAttribute("notifications", shown);
		model.addAttribute("feedUrl", base() + "/feeds/notifications/" + tokens.of(person.id()));
		// The header was counted before this page marked them read.
		model.addAttribute("unreadNotifications", notifications.unread(person));
		return "notification/list";
	}

	@PostMapping("/notifications/feed-token")
	String resetFeed(Authentication authentication) {
		tokens.reset(SignedIn.person(authentication).orElseThrow().id());
		return "redirect:/notifications";
	}

	@GetMapping("/feeds/notifications/{token}")
	ResponseEntity<String> feed(@PathVariable String token, Locale locale) {
		return tokens.owner(token).flatMap(people::find).map(owner -> {
			AtomFeed feed = new AtomFeed("urn:icourse:notifications:" + token.substring(0, 8),
					messages.getMessage("notification.feed-title", null, locale), base() + "/notifications");
			notifications.latest(owner, FEED_SIZE, 0)
				.forEach(notification -> feed
					.add(new AtomFeed.Entry("urn:icourse:notification:" + notification.id(), text(notification, locale),
							base() + notification.link(), notification.actor(), notification.at(), null,
							notification.detail() == null || notification.kind() != NotificationKind.REVIEW_BLOCKED
									? text(notification, locale) : notification.detail())));
			return ResponseEntity.ok().header("Content-Type", AtomFeed.MEDIA_TYPE).body(feed.toXml());
		}).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	private String text(NotificationView notification, Locale locale) {
		String actor = notification.actor() != null ? notification.actor()
				: messages.getMessage("notification.someone", null, locale);
		return messages.getMessage(notification.messageKey(),
				new Object[] { actor, notification.courseName() == null ? "" : notification.courseName(),
						notification.detail() == null ? "" : notification.detail() },
				locale);
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
