package club.icourse.reviewapp.moderation;

import club.icourse.reviewapp.people.Mutes;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Muting a person for some days (0 lifts the mute), by an administrator, logged and told
 * to the person.
 */
@Service
public class Muting {

	public static final int MAX_DAYS = 3650;

	private final Mutes mutes;

	private final ModerationLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Muting(Mutes mutes, ModerationLog log, ApplicationEventPublisher events, Clock clock) {
		this.mutes = mutes;
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void mute(Person admin, long personId, int days, String reason) {
		if (!admin.admin() || days < 0 || days > MAX_DAYS || admin.id() == personId) {
			throw new ModerationRefusedException();
		}
		Instant now = clock.instant();
		Instant until = days == 0 ? null : now.plus(Duration.ofDays(days));
		String why = reason == null ? "" : ReviewText.clean(reason);
		why = why.length() > 500 ? why.substring(0, 500) : why;
		mutes.set(personId, until, why);
		log.record(admin.id(), days == 0 ? "person.unmute" : "person.mute", "person", personId,
				days == 0 ? why : days + "d: " + why, now);
		events.publishEvent(new PersonMuted(personId, until, why, now));
	}

}
