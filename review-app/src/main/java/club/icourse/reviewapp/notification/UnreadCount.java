package club.icourse.reviewapp.notification;

import club.icourse.reviewapp.people.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in every page's header, for whoever is signed in (an indexed count);
 * not for the API's answers, which have no header (an app reads
 * {@code /api/me/notifications} instead).
 */
@ControllerAdvice
class UnreadCount {

	private final Notifications notifications;

	UnreadCount(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotifications")
	Integer unread(Authentication authentication, HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		return SignedIn.person(authentication).map(person -> notifications.unread(person)).orElse(null);
	}

}
