package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_HISTORY;

import club.icourse.db.review.tables.records.ReviewRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Full snapshots of a review at every change, as jOOQ's JSON of the review row (with
 * column types, so a snapshot reads back into a review record exactly, which is how a
 * deleted review is restored). Pages get {@link ReviewSnapshot}s; the rows stay here.
 */
@Repository
public class ReviewHistory {

	public enum Action {

		CREATE, UPDATE, DELETE, HIDE, UNHIDE, BLOCK, UNBLOCK, RESTORE

	}

	/** One entry, for the history page. */
	public record Entry(long id, long reviewId, Action action, String operator, Instant at, ReviewSnapshot snapshot) {
	}

	private final DSLContext dsl;

	ReviewHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	void record(ReviewRecord review, Action action, long operatorId, Instant at) {
		Result<ReviewRecord> one = dsl.newResult(REVIEW);
		one.add(review);
		dsl.insertInto(REVIEW_HISTORY)
			.set(REVIEW_HISTORY.REVIEW_ID, review.getId())
			.set(REVIEW_HISTORY.COURSE_ID, review.getCourseId())
			.set(REVIEW_HISTORY.AUTHOR_ID, review.getAuthorId())
			.set(REVIEW_HISTORY.ACTION, action.name().toLowerCase(Locale.ROOT))
			.set(REVIEW_HISTORY.OPERATOR_ID, operatorId)
			.set(REVIEW_HISTORY.OCCURRED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.set(REVIEW_HISTORY.SNAPSHOT, one.formatJSON())
			.execute();
	}

	/** The history of one review, oldest first. */
	public List<Entry> of(long reviewId) {
		return rows(reviewId)
			.map(row -> new Entry(row.id(), row.reviewId(), row.action(), row.operator(), row.at(),
					ReviewSnapshot.of(row.snapshot())))
			.toList();
	}

	/**
	 * The review row as it was when deleted, when its last change was a delete: what a
	 * restore puts back.
	 */
	Optional<ReviewRecord> deletedRow(long reviewId) {
		return rows(reviewId).reduce((first, second) -> second)
			.filter(last -> last.action() == Action.DELETE)
			.map(Row::snapshot);
	}

	/**
	 * @param operator who made the change; null when their account was deleted
	 */
	private record Row(long id, long reviewId, Action action, String operator, Instant at, ReviewRecord snapshot) {
	}

	private Stream<Row> rows(long reviewId) {
		return dsl
			.select(REVIEW_HISTORY.ID, REVIEW_HISTORY.REVIEW_ID, REVIEW_HISTORY.ACTION, PERSON.USERNAME,
					REVIEW_HISTORY.OCCURRED_AT, REVIEW_HISTORY.SNAPSHOT, PERSON.DELETED_AT)
			.from(REVIEW_HISTORY)
			.join(PERSON)
			.on(PERSON.ID.eq(REVIEW_HISTORY.OPERATOR_ID))
			.where(REVIEW_HISTORY.REVIEW_ID.eq(reviewId))
			.orderBy(REVIEW_HISTORY.ID)
			.fetch(row -> new Row(row.value1(), row.value2(), Action.valueOf(row.value3().toUpperCase(Locale.ROOT)),
					row.value7() == null ? row.value4() : null, row.value5().toInstant(ZoneOffset.UTC),
					snapshot(row.value6())))
			.stream();
	}

	Optional<Entry> entry(long historyId) {
		return dsl.select(REVIEW_HISTORY.REVIEW_ID)
			.from(REVIEW_HISTORY)
			.where(REVIEW_HISTORY.ID.eq(historyId))
			.fetchOptional(REVIEW_HISTORY.REVIEW_ID)
			.flatMap(reviewId -> of(reviewId).stream().filter(entry -> entry.id() == historyId).findFirst());
	}

	/**
	 * The reviews of a course that are deleted now (their last change was a delete), for
	 * administrators.
	 */
	public List<Long> deletedOf(long courseId) {
		var last = REVIEW_HISTORY.as("last");
		return dsl.select(REVIEW_HISTORY.REVIEW_ID)
			.from(REVIEW_HISTORY)
			.where(REVIEW_HISTORY.COURSE_ID.eq(courseId))
			.and(REVIEW_HISTORY.ACTION.eq("delete"))
			.andNotExists(DSL.selectOne()
				.from(last)
				.where(last.REVIEW_ID.eq(REVIEW_HISTORY.REVIEW_ID))
				.and(last.ID.gt(REVIEW_HISTORY.ID)))
			.orderBy(REVIEW_HISTORY.ID.desc())
			.fetch(REVIEW_HISTORY.REVIEW_ID);
	}

	/** The author of a review that may no longer exist, from its history. */
	Optional<Long> authorOf(long reviewId) {
		return dsl.select(REVIEW_HISTORY.AUTHOR_ID)
			.from(REVIEW_HISTORY)
			.where(REVIEW_HISTORY.REVIEW_ID.eq(reviewId))
			.limit(1)
			.fetchOptional(REVIEW_HISTORY.AUTHOR_ID);
	}

	private ReviewRecord snapshot(String json) {
		return dsl.fetchFromJSON(json).into(REVIEW).getFirst();
	}

}
