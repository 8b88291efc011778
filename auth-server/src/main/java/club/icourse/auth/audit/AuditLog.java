package club.icourse.auth.audit;

import static club.icourse.db.auth.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Appends to the audit log (in the caller's transaction, so an event is kept exactly when
 * its change is) and reads it.
 */
@Repository
public class AuditLog {

	/**
	 * One event; {@code detail} is a short human-readable description of what changed.
	 */
	public record Event(long id, Instant occurredAt, String actor, String actorName, String action, String target,
			String detail) {
	}

	private final DSLContext dsl;

	private final Clock clock;

	AuditLog(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	public void record(Actor actor, String action, String target, String detail) {
		dsl.insertInto(AUDIT_EVENT)
			.set(AUDIT_EVENT.OCCURRED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.set(AUDIT_EVENT.ACTOR, actor.id())
			.set(AUDIT_EVENT.ACTOR_NAME, truncate(actor.name()))
			.set(AUDIT_EVENT.ACTION, action)
			.set(AUDIT_EVENT.TARGET, target == null ? null : truncate(target))
			.set(AUDIT_EVENT.DETAIL, detail)
			.execute();
	}

	/**
	 * The newest events first, optionally about one target only, older than
	 * {@code before} (an event id) for paging.
	 */
	public List<Event> latest(String target, Long before, int limit) {
		Condition which = DSL.trueCondition();
		if (target != null && !target.isBlank()) {
			which = which.and(AUDIT_EVENT.TARGET.eq(target));
		}
		if (before != null) {
			which = which.and(AUDIT_EVENT.ID.lt(before));
		}
		return dsl.selectFrom(AUDIT_EVENT)
			.where(which)
			.orderBy(AUDIT_EVENT.ID.desc())
			.limit(limit)
			.fetch(row -> new Event(row.getId(), row.getOccurredAt().toInstant(ZoneOffset.UTC), row.getActor(),
					row.getActorName(), row.getAction(), row.getTarget(), row.getDetail()));
	}

	private static String truncate(String value) {
		return value.length() <= 255 ? value : value.substring(0, 255);
	}

}
