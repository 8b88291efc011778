package club.icourse.reviewapp.notification;

import club.icourse.reviewapp.people.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in every page's header, for whoever is signed in (an indexed count).
 */
@ControllerAdvice
class UnreadCount {

	private final Notifications notifications;

	UnreadCount(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotifications")
	Integer unread(Authentication authentication) {
		return SignedIn.person(authentication).map(person -> notifications.unread(person)).orElse(null);
	}

}
