package club.icourse.reviewapp.moderation;

import club.icourse.mail.MailOutbox;
import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseDetails;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewChanged;
import club.icourse.reviewapp.review.ReviewHistory.Action;
import club.icourse.reviewapp.review.ReviewSnapshot;
import club.icourse.reviewapp.system.SiteAddress;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A review blocked or unblocked by an administrator is also told to its author by mail
 * (besides the notification), queued in the same transaction, in the language the author
 * chose at iCourse ID (Chinese, the site's language, when they never said); the address
 * and the language are those iCourse ID gave at the author's last sign-in.
 */
@Component
class BlockMail {

	static final Locale SITE_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final MailOutbox outbox;

	private final PersonRepository people;

	private final SiteAddress site;

	private final CourseCatalogue catalogue;

	BlockMail(MailOutbox outbox, PersonRepository people, SiteAddress site, CourseCatalogue catalogue) {
		this.outbox = outbox;
		this.people = people;
		this.site = site;
		this.catalogue = catalogue;
	}

	@EventListener
	void on(ReviewChanged change) {
		if (change.action() != Action.BLOCK && change.action() != Action.UNBLOCK) {
			return;
		}
		ReviewSnapshot review = change.review();
		people.email(review.authorId())
			.ifPresent(address -> outbox.enqueue(address, people.language(review.authorId()).orElse(SITE_LANGUAGE),
					change.action() == Action.BLOCK ? "review-blocked" : "review-unblocked",
					Map.of("username", people.username(review.authorId()).orElse(""), "course",
							catalogue.course(review.courseId()).map(CourseDetails::name).orElse(""), "reason",
							review.blockedReason() == null ? "" : review.blockedReason(), "link",
							site.of("/reviews/" + review.id()))));
	}

}
