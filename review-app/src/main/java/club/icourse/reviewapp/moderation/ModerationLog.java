package club.icourse.reviewapp.moderation;

import static club.icourse.db.review.Tables.MODERATION_LOG;
import static club.icourse.db.review.Tables.PERSON;

import club.icourse.reviewapp.people.ShownNames;
import club.icourse.reviewapp.course.Page;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' audit log: every moderation action, by whom and when, written with
 * the action itself.
 */
@Repository
public class ModerationLog {

	public static final int PAGE_SIZE = 50;

	public record Entry(long id, String moderator, String action, String subjectType, Long subjectId, String detail,
			Instant at) {
	}

	private final DSLContext dsl;

	ModerationLog(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(long moderatorId, String action, String subjectType, Long subjectId, String detail, Instant at) {
		dsl.insertInto(MODERATION_LOG)
			.set(MODERATION_LOG.MODERATOR_ID, moderatorId)
			.set(MODERATION_LOG.ACTION, action)
			.set(MODERATION_LOG.SUBJECT_TYPE, subjectType)
			.set(MODERATION_LOG.SUBJECT_ID, subjectId)
			.set(MODERATION_LOG.DETAIL, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
			.set(MODERATION_LOG.OCCURRED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.execute();
	}

	public Page<Entry> page(int page) {
		int total = dsl.fetchCount(MODERATION_LOG);
		var items = dsl
			.select(MODERATION_LOG.ID, ShownNames.of(PERSON), MODERATION_LOG.ACTION, MODERATION_LOG.SUBJECT_TYPE,
					MODERATION_LOG.SUBJECT_ID, MODERATION_LOG.DETAIL, MODERATION_LOG.OCCURRED_AT)
			.from(MODERATION_LOG)
			.join(PERSON)
			.on(PERSON.ID.eq(MODERATION_LOG.MODERATOR_ID))
			.orderBy(MODERATION_LOG.ID.desc())
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE)
			.fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7().toInstant(ZoneOffset.UTC)));
		return new Page<>(items, page, PAGE_SIZE, total);
	}

}
