package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;

import club.icourse.db.review.tables.records.ReviewRecord;
import club.icourse.reviewapp.people.Person;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upvotes: once per person per review, not on one's own; the count on the review moves
 * with them.
 */
@RetriedWhenRolledBack
@Service
public class Upvotes {

	private final DSLContext dsl;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Upvotes(DSLContext dsl, Clock clock, ApplicationEventPublisher events) {
		this.dsl = dsl;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * What a page's cards show of upvotes for one reader: which of the reviews the reader
	 * upvotes, and, for the reader's own reviews among them, who upvoted them (only
	 * authors learn this).
	 */
	public record UpvoteState(Set<Long> upvoted, Map<Long, List<String>> upvoters) {

		static final UpvoteState NONE = new UpvoteState(Set.of(), Map.of());

	}

	/**
	 * Sets the person's upvote of the review to what the form said: upvoting twice keeps
	 * one upvote, withdrawing twice keeps none (a page that showed a stale state never
	 * turns a click into the opposite). Returns whether anything changed.
	 */
	@Transactional
	public boolean set(Person person, long reviewId, boolean upvoted) {
		ReviewRecord review = dsl.selectFrom(REVIEW)
			.where(REVIEW.ID.eq(reviewId))
			.forUpdate()
			.fetchOptional()
			.filter(found -> found.getAuthorId() != person.id()
					&& Visibility.canRead(Optional.of(person), ReviewSnapshot.of(found)))
			.orElseThrow(ReviewNotFoundException::new);
		boolean was = dsl.fetchExists(REVIEW_UPVOTE,
				REVIEW_UPVOTE.REVIEW_ID.eq(reviewId).and(REVIEW_UPVOTE.PERSON_ID.eq(person.id())));
		if (was == upvoted) {
			return false;
		}
		if (upvoted) {
			dsl.insertInto(REVIEW_UPVOTE)
				.set(REVIEW_UPVOTE.REVIEW_ID, reviewId)
				.set(REVIEW_UPVOTE.PERSON_ID, person.id())
				.set(REVIEW_UPVOTE.CREATED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.execute();
		}
		else {
			dsl.deleteFrom(REVIEW_UPVOTE)
				.where(REVIEW_UPVOTE.REVIEW_ID.eq(reviewId))
				.and(REVIEW_UPVOTE.PERSON_ID.eq(person.id()))
				.execute();
		}
		dsl.update(REVIEW)
			.set(REVIEW.UPVOTE_COUNT, upvoted ? REVIEW.UPVOTE_COUNT.plus(1) : REVIEW.UPVOTE_COUNT.minus(1))
			.where(REVIEW.ID.eq(review.getId()))
			.execute();
		events.publishEvent(new UpvoteChanged(ReviewSnapshot.of(review), person.id(), upvoted, clock.instant()));
		return true;
	}

	/**
	 * The upvote state of the given reviews for one reader, in one query: the upvotes the
	 * reader gave and the upvotes of the reader's own reviews.
	 */
	public UpvoteState stateOf(Collection<Long> reviewIds, Optional<Person> reader) {
		if (reviewIds.isEmpty() || reader.isEmpty()) {
			return UpvoteState.NONE;
		}
		long readerId = reader.get().id();
		Set<Long> upvoted = new HashSet<>();
		Map<Long, List<String>> upvoters = new HashMap<>();
		dsl.select(REVIEW_UPVOTE.REVIEW_ID, REVIEW_UPVOTE.PERSON_ID, REVIEW.AUTHOR_ID, PERSON.USERNAME)
			.from(REVIEW_UPVOTE)
			.join(PERSON)
			.on(PERSON.ID.eq(REVIEW_UPVOTE.PERSON_ID))
			.join(REVIEW)
			.on(REVIEW.ID.eq(REVIEW_UPVOTE.REVIEW_ID))
			.where(REVIEW_UPVOTE.REVIEW_ID.in(reviewIds))
			.and(REVIEW_UPVOTE.PERSON_ID.eq(readerId).or(REVIEW.AUTHOR_ID.eq(readerId)))
			.orderBy(REVIEW_UPVOTE.CREATED_AT)
			.forEach(row -> {
				if (row.value2() == readerId) {
					upvoted.add(row.value1());
				}
				if (row.value3() == readerId) {
					upvoters.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(row.value4());
				}
			});
		return new UpvoteState(upvoted, upvoters);
	}

}
