package club.icourse.reviewapp.moderation;

import static club.icourse.db.review.Tables.COURSE;

import club.icourse.db.review.tables.records.ReviewRecord;
import club.icourse.mail.MailOutbox;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewChanged;
import club.icourse.reviewapp.review.ReviewHistory.Action;
import club.icourse.reviewapp.system.SiteAddress;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A review blocked or unblocked by an administrator is also told to its author by mail
 * (besides the notification), queued in the same transaction. Mails go out in Chinese,
 * the site's language; the address is the one iCourse ID gave at the author's last
 * sign-in.
 */
@Component
class BlockMail {

	static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final MailOutbox outbox;

	private final PersonRepository people;

	private final SiteAddress site;

	private final DSLContext dsl;

	BlockMail(MailOutbox outbox, PersonRepository people, SiteAddress site, DSLContext dsl) {
		this.outbox = outbox;
		this.people = people;
		this.site = site;
		this.dsl = dsl;
	}

	@EventListener
	void on(ReviewChanged change) {
		if (change.action() != Action.BLOCK && change.action() != Action.UNBLOCK) {
			return;
		}
		ReviewRecord review = change.review();
		people.email(review.getAuthorId())
			.ifPresent(address -> outbox.enqueue(address, MAIL_LOCALE,
					change.action() == Action.BLOCK ? "review-blocked" : "review-unblocked",
					Map.of("username", people.username(review.getAuthorId()).orElse(""), "course",
							dsl.select(COURSE.NAME)
								.from(COURSE)
								.where(COURSE.ID.eq(review.getCourseId()))
								.fetchOne(COURSE.NAME),
							"reason", review.getBlockedReason() == null ? "" : review.getBlockedReason(), "link",
							site.of("/reviews/" + review.getId()))));
	}

}
