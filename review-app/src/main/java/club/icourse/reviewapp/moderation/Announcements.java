package club.icourse.reviewapp.moderation;

import static club.icourse.db.review.Tables.ANNOUNCEMENT;

import club.icourse.db.review.tables.records.AnnouncementRecord;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Site announcements. The current banner is read on every page, so it is remembered for a
 * few seconds per instance (instances agree within that time; nothing else depends on
 * it).
 */
@Service
public class Announcements {

	public static final int MAX_LENGTH = 1000;

	private static final Duration REMEMBER = Duration.ofSeconds(10);

	public record Announcement(long id, String body, boolean banner, Instant at, Instant endsAt, boolean current) {
	}

	private record Remembered(Optional<Announcement> banner, Instant at) {
	}

	private final DSLContext dsl;

	private final ModerationLog log;

	private final Clock clock;

	private volatile Remembered remembered = new Remembered(Optional.empty(), Instant.EPOCH);

	Announcements(DSLContext dsl, ModerationLog log, Clock clock) {
		this.dsl = dsl;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public long announce(Person admin, String body, boolean banner, Integer days) {
		String text = body == null ? "" : ReviewText.clean(body);
		if (!admin.admin() || text.isEmpty() || text.codePointCount(0, text.length()) > MAX_LENGTH
				|| (days != null && (days < 1 || days > 365))) {
			throw new ModerationRefusedException();
		}
		Instant now = clock.instant();
		long id = dsl.insertInto(ANNOUNCEMENT)
			.set(ANNOUNCEMENT.BODY, text)
			.set(ANNOUNCEMENT.BANNER, banner)
			.set(ANNOUNCEMENT.CREATED_BY, admin.id())
			.set(ANNOUNCEMENT.CREATED_AT, utc(now))
			.set(ANNOUNCEMENT.ENDS_AT, days == null ? null : utc(now.plus(Duration.ofDays(days))))
			.returningResult(ANNOUNCEMENT.ID)
			.fetchSingle()
			.value1();
		log.record(admin.id(), "announcement.create", "announcement", id, text, now);
		remembered = new Remembered(Optional.empty(), Instant.EPOCH);
		return id;
	}

	@Transactional
	public void withdraw(Person admin, long id) {
		if (!admin.admin()) {
			throw new ModerationRefusedException();
		}
		Instant now = clock.instant();
		if (dsl.update(ANNOUNCEMENT)
			.set(ANNOUNCEMENT.WITHDRAWN_AT, utc(now))
			.where(ANNOUNCEMENT.ID.eq(id))
			.and(ANNOUNCEMENT.WITHDRAWN_AT.isNull())
			.execute() == 1) {
			log.record(admin.id(), "announcement.withdraw", "announcement", id, null, now);
		}
		remembered = new Remembered(Optional.empty(), Instant.EPOCH);
	}

	/** The newest current banner, if any. */
	public Optional<Announcement> banner() {
		Instant now = clock.instant();
		Remembered known = remembered;
		if (known.at().plus(REMEMBER).isAfter(now)) {
			return known.banner();
		}
		Optional<Announcement> banner = dsl.selectFrom(ANNOUNCEMENT)
			.where(current(now))
			.and(ANNOUNCEMENT.BANNER.isTrue())
			.orderBy(ANNOUNCEMENT.ID.desc())
			.limit(1)
			.fetchOptional(r -> view(r, now));
		remembered = new Remembered(banner, now);
		return banner;
	}

	/** Every announcement, newest first (the current ones and the past ones). */
	public List<Announcement> all(int limit) {
		Instant now = clock.instant();
		return dsl.selectFrom(ANNOUNCEMENT).orderBy(ANNOUNCEMENT.ID.desc()).limit(limit).fetch(r -> view(r, now));
	}

	private static Condition current(Instant now) {
		return ANNOUNCEMENT.WITHDRAWN_AT.isNull()
			.and(ANNOUNCEMENT.ENDS_AT.isNull().or(ANNOUNCEMENT.ENDS_AT.gt(utc(now))));
	}

	private static Announcement view(AnnouncementRecord r, Instant now) {
		Instant ends = r.getEndsAt() == null ? null : r.getEndsAt().toInstant(ZoneOffset.UTC);
		boolean current = r.getWithdrawnAt() == null && (ends == null || ends.isAfter(now));
		return new Announcement(r.getId(), r.getBody(), r.getBanner(), r.getCreatedAt().toInstant(ZoneOffset.UTC), ends,
				current);
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
