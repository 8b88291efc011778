package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;

import club.icourse.db.review.tables.records.ReviewRecord;
import club.icourse.reviewapp.people.Person;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upvotes: once per person per review, not on one's own; the count on the review moves
 * with them.
 */
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

	/** Upvotes, or withdraws the upvote; returns whether the person now upvotes it. */
	@Transactional
	public boolean toggle(Person person, long reviewId) {
		ReviewRecord review = dsl.selectFrom(REVIEW)
			.where(REVIEW.ID.eq(reviewId))
			.forUpdate()
			.fetchOptional()
			.filter(found -> found.getAuthorId() != person.id()
					&& Visibility.canRead(Optional.of(person), ReviewSnapshot.of(found)))
			.orElseThrow(ReviewNotFoundException::new);
		int removed = dsl.deleteFrom(REVIEW_UPVOTE)
			.where(REVIEW_UPVOTE.REVIEW_ID.eq(reviewId))
			.and(REVIEW_UPVOTE.PERSON_ID.eq(person.id()))
			.execute();
		if (removed == 0) {
			dsl.insertInto(REVIEW_UPVOTE)
				.set(REVIEW_UPVOTE.REVIEW_ID, reviewId)
				.set(REVIEW_UPVOTE.PERSON_ID, person.id())
				.set(REVIEW_UPVOTE.CREATED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.execute();
		}
		dsl.update(REVIEW)
			.set(REVIEW.UPVOTE_COUNT, removed == 0 ? REVIEW.UPVOTE_COUNT.plus(1) : REVIEW.UPVOTE_COUNT.minus(1))
			.where(REVIEW.ID.eq(review.getId()))
			.execute();
		events.publishEvent(new UpvoteChanged(ReviewSnapshot.of(review), person.id(), removed == 0, clock.instant()));
		return removed == 0;
	}

	/** Of the given reviews, those the person upvoted. */
	public Set<Long> byPerson(Collection<Long> reviewIds, Optional<Person> person) {
		if (reviewIds.isEmpty() || person.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(dsl.select(REVIEW_UPVOTE.REVIEW_ID)
			.from(REVIEW_UPVOTE)
			.where(REVIEW_UPVOTE.REVIEW_ID.in(reviewIds))
			.and(REVIEW_UPVOTE.PERSON_ID.eq(person.get().id()))
			.fetch(REVIEW_UPVOTE.REVIEW_ID));
	}

	/**
	 * Who upvoted the person's own reviews among the given ones (only authors learn
	 * this).
	 */
	public Map<Long, List<String>> whoUpvoted(Collection<Long> reviewIds, Optional<Person> author) {
		if (reviewIds.isEmpty() || author.isEmpty()) {
			return Map.of();
		}
		return dsl.select(REVIEW_UPVOTE.REVIEW_ID, PERSON.USERNAME)
			.from(REVIEW_UPVOTE)
			.join(PERSON)
			.on(PERSON.ID.eq(REVIEW_UPVOTE.PERSON_ID))
			.join(REVIEW)
			.on(REVIEW.ID.eq(REVIEW_UPVOTE.REVIEW_ID))
			.where(REVIEW_UPVOTE.REVIEW_ID.in(reviewIds))
			.and(REVIEW.AUTHOR_ID.eq(author.get().id()))
			.orderBy(REVIEW_UPVOTE.CREATED_AT)
			.fetch()
			.stream()
			.collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(), Collectors.toList())));
	}

}
