package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.SEARCH_CHANGE;
import static org.jooq.impl.DSL.max;

import club.icourse.reviewapp.course.CourseChanged;
import club.icourse.reviewapp.review.ReviewChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;

/**
 * The change-log every instance's index follows. Rows are written by listeners that run
 * inside the transaction of the change itself, so a change and its row commit or roll
 * back together, and a restart loses nothing.
 */
@Repository
class SearchChangeLog {

	record Change(long id, SearchKind kind, long entityId) {
	}

	private final DSLContext dsl;

	private final Clock clock;

	SearchChangeLog(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	@EventListener
	void courseChanged(CourseChanged event) {
		write(SearchKind.COURSE, event.courseId());
	}

	/**
	 * The course too: its rating and review count, which rank it, change with its
	 * reviews.
	 */
	@EventListener
	void reviewChanged(ReviewChanged event) {
		write(SearchKind.REVIEW, event.review().id());
		write(SearchKind.COURSE, event.review().courseId());
	}

	private void write(SearchKind kind, long entityId) {
		dsl.insertInto(SEARCH_CHANGE)
			.set(SEARCH_CHANGE.KIND, kind.name())
			.set(SEARCH_CHANGE.ENTITY_ID, entityId)
			.set(SEARCH_CHANGE.CHANGED_AT, now())
			.execute();
	}

	/** The last id of the changes made longer ago than the given time. */
	long lastIdBefore(Duration ago) {
		Long last = dsl.select(max(SEARCH_CHANGE.ID))
			.from(SEARCH_CHANGE)
			.where(SEARCH_CHANGE.CHANGED_AT.lt(now().minus(ago)))
			.fetchOne()
			.value1();
		return last == null ? 0 : last;
	}

	List<Change> after(long id, int limit) {
		return changes(SEARCH_CHANGE.ID.gt(id), limit);
	}

	List<Change> withIds(Collection<Long> ids) {
		return changes(SEARCH_CHANGE.ID.in(ids), ids.size());
	}

	private List<Change> changes(Condition which, int limit) {
		return dsl.select(SEARCH_CHANGE.ID, SEARCH_CHANGE.KIND, SEARCH_CHANGE.ENTITY_ID)
			.from(SEARCH_CHANGE)
			.where(which)
			.orderBy(SEARCH_CHANGE.ID)
			.limit(limit)
			.fetch(r -> new Change(r.value1(), SearchKind.valueOf(r.value2()), r.value3()));
	}

	int prune(Duration olderThan) {
		return dsl.deleteFrom(SEARCH_CHANGE).where(SEARCH_CHANGE.CHANGED_AT.lt(now().minus(olderThan))).execute();
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
