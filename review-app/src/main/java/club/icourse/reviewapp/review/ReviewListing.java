package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static club.icourse.db.review.Tables.COURSE_FOLLOW;
import static club.icourse.db.review.Tables.PERSON_FOLLOW;

import club.icourse.reviewapp.course.CourseFigures;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.Person;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reviews as pages list them, each filtered by who is reading (see {@link Visibility}).
 */
@Repository
public class ReviewListing {

	public static final int PAGE_SIZE = 20;

	/**
	 * How many visible reviews a term has, and their average rating (out of ten; null
	 * when none is rated).
	 */
	public record TermSummary(String term, int reviews, Double averageRating) {
	}

	/**
	 * Where a list read newest first stopped: the last review's creation time and id (the
	 * id breaks ties), so the next part starts right after it however many reviews are
	 * written meanwhile.
	 */
	public record Position(Instant createdAt, long id) {

		public static Position of(ReviewView review) {
			return new Position(review.createdAt(), review.id());
		}
	}

	private final DSLContext dsl;

	ReviewListing(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Page<ReviewView> ofCourse(long courseId, Optional<Person> viewer, ReviewSort sort, String term,
			Integer stars, int page) {
		Condition where = REVIEW.COURSE_ID.eq(courseId).and(Visibility.readableBy(viewer));
		if (term != null && !term.isBlank()) {
			where = where.and(REVIEW.TERM.eq(term));
		}
		if (stars != null && stars >= 1 && stars <= 5) {
			where = where.and(REVIEW.RATING.between((byte) (stars * 2 - 1), (byte) (stars * 2)));
		}
		int total = dsl.fetchCount(REVIEW, where);
		List<ReviewView> items = select(where, order(sort), PAGE_SIZE, (page - 1) * PAGE_SIZE, viewer);
		return new Page<>(items, page, PAGE_SIZE, total);
	}

	public Optional<ReviewView> one(long reviewId, Optional<Person> viewer) {
		return select(REVIEW.ID.eq(reviewId).and(Visibility.readableBy(viewer)), List.of(REVIEW.ID.asc()), 1, 0, viewer)
			.stream()
			.findFirst();
	}

	/**
	 * A course's reviews this viewer may read, newest first, after the given position
	 * (from the start when null).
	 */
	public List<ReviewView> ofCourseAfter(long courseId, Optional<Person> viewer, Position after, int limit) {
		return newestAfter(REVIEW.COURSE_ID.eq(courseId).and(Visibility.readableBy(viewer)), after, limit, viewer);
	}

	/**
	 * A person's reviews as their profile lists them to this viewer, newest first, after
	 * the given position (from the start when null).
	 */
	public List<ReviewView> byAuthorAfter(long authorId, Optional<Person> viewer, Position after, int limit) {
		return newestAfter(byAuthorCondition(authorId, viewer), after, limit, viewer);
	}

	/** The newest reviews anyone may read, across courses. */
	public List<ReviewView> latest(Optional<Person> viewer, int limit) {
		return select(Visibility.readableBy(viewer).and(CourseFigures.COUNTED), List.of(REVIEW.CREATED_AT.desc()),
				limit, 0, viewer);
	}

	/**
	 * The "following" feed: newest first, reviews of followed courses and reviews by
	 * followed people. A review reaches a person's followers only when it is not
	 * anonymous; an anonymous one in a followed course is listed without its author (as
	 * everywhere).
	 */
	public Page<ReviewView> following(long personId, Optional<Person> viewer, int page) {
		Condition followed = REVIEW.COURSE_ID
			.in(DSL.select(COURSE_FOLLOW.COURSE_ID).from(COURSE_FOLLOW).where(COURSE_FOLLOW.PERSON_ID.eq(personId)))
			.or(REVIEW.ANONYMOUS.isFalse()
				.and(REVIEW.AUTHOR_ID.in(DSL.select(PERSON_FOLLOW.FOLLOWEE_ID)
					.from(PERSON_FOLLOW)
					.where(PERSON_FOLLOW.FOLLOWER_ID.eq(personId)))));
		Condition where = followed.and(Visibility.readableBy(viewer))
			.and(CourseFigures.COUNTED)
			.and(REVIEW.AUTHOR_ID.ne(personId));
		int total = dsl.fetchCount(REVIEW, where);
		return new Page<>(select(where, List.of(REVIEW.UPDATED_AT.desc()), PAGE_SIZE, (page - 1) * PAGE_SIZE, viewer),
				page, PAGE_SIZE, total);
	}

	/**
	 * A person's reviews as a profile lists them: anonymous ones only to their author and
	 * administrators (anyone else would learn who wrote them).
	 */
	public Page<ReviewView> byAuthor(long authorId, Optional<Person> viewer, int page) {
		Condition where = byAuthorCondition(authorId, viewer);
		int total = dsl.fetchCount(REVIEW, where);
		return new Page<>(select(where, List.of(REVIEW.CREATED_AT.desc()), PAGE_SIZE, (page - 1) * PAGE_SIZE, viewer),
				page, PAGE_SIZE, total);
	}

	private static Condition byAuthorCondition(long authorId, Optional<Person> viewer) {
		boolean mayKnowAnonymous = viewer.map(person -> person.admin() || person.id() == authorId).orElse(false);
		return REVIEW.AUTHOR_ID.eq(authorId)
			.and(Visibility.readableBy(viewer))
			.and(mayKnowAnonymous ? DSL.trueCondition() : REVIEW.ANONYMOUS.isFalse());
	}

	private List<ReviewView> newestAfter(Condition where, Position after, int limit, Optional<Person> viewer) {
		Condition from = after == null ? where : where.and(DSL.row(REVIEW.CREATED_AT, REVIEW.ID)
			.lt(LocalDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC), after.id()));
		return select(from, List.of(REVIEW.CREATED_AT.desc(), REVIEW.ID.desc()), limit, 0, viewer);
	}

	/** The most upvoted reviews this viewer may read. */
	public List<ReviewView> mostUpvoted(Optional<Person> viewer, int limit) {
		return select(Visibility.readableBy(viewer).and(CourseFigures.COUNTED).and(REVIEW.UPVOTE_COUNT.gt(0)),
				List.of(REVIEW.UPVOTE_COUNT.desc(), REVIEW.CREATED_AT.asc()), limit, 0, viewer);
	}

	/**
	 * Per term, newest first: counts and averages over the reviews that count for the
	 * course's figures.
	 */
	public List<TermSummary> termSummary(long courseId) {
		return dsl.select(REVIEW.TERM, count(), avg(REVIEW.RATING))
			.from(REVIEW)
			.where(REVIEW.COURSE_ID.eq(courseId))
			.and(CourseFigures.COUNTED)
			.and(REVIEW.TERM.isNotNull())
			.groupBy(REVIEW.TERM)
			.orderBy(REVIEW.TERM.desc())
			.fetch(r -> new TermSummary(r.value1(), r.value2(), r.value3() == null ? null : r.value3().doubleValue()));
	}

	private List<ReviewView> select(Condition where, List<? extends SortField<?>> order, int limit, int offset,
			Optional<Person> viewer) {
		// Reviews first, in the order asked for (an index of review has it), then their
		// author
		// and course: left to choose, MariaDB starts from the smaller person table and
		// sorts
		// every review (seconds for the newest ten at ten times iCourse's size).
		return dsl.select(REVIEW.asterisk(), PERSON.USERNAME, PERSON.DELETED_AT, PERSON.TEACHER_ID, COURSE.NAME)
			.from(REVIEW)
			.straightJoin(PERSON)
			.on(PERSON.ID.eq(REVIEW.AUTHOR_ID))
			.straightJoin(COURSE)
			.on(COURSE.ID.eq(REVIEW.COURSE_ID))
			.where(where)
			.orderBy(order)
			.limit(limit)
			.offset(offset)
			.fetch(r -> view(r, viewer));
	}

	private static ReviewView view(Record r, Optional<Person> viewer) {
		long authorId = r.get(REVIEW.AUTHOR_ID);
		boolean anonymous = r.get(REVIEW.ANONYMOUS);
		boolean own = viewer.map(person -> person.id() == authorId).orElse(false);
		boolean moderator = viewer.map(Person::admin).orElse(false);
		boolean authorDeleted = r.get(PERSON.DELETED_AT) != null;
		boolean authorShown = !authorDeleted && Visibility.authorShownTo(viewer, anonymous, authorId);
		return new ReviewView(r.get(REVIEW.ID), r.get(REVIEW.COURSE_ID), r.get(COURSE.NAME),
				authorShown ? r.get(PERSON.USERNAME) : null, "teacher".equals(r.get(REVIEW.AUTHOR_AFFILIATION)),
				anonymous, r.get(REVIEW.TERM), number(r.get(REVIEW.RATING)), number(r.get(REVIEW.DIFFICULTY)),
				number(r.get(REVIEW.HOMEWORK)), number(r.get(REVIEW.GRADING)), number(r.get(REVIEW.GAIN)),
				r.get(REVIEW.CONTENT_HTML), r.get(REVIEW.STUDENTS_ONLY), r.get(REVIEW.HIDDEN), r.get(REVIEW.BLOCKED),
				own || moderator ? r.get(REVIEW.BLOCKED_REASON) : null, r.get(REVIEW.UPVOTE_COUNT),
				r.get(REVIEW.COMMENT_COUNT), r.get(REVIEW.CREATED_AT).toInstant(ZoneOffset.UTC),
				r.get(REVIEW.UPDATED_AT).toInstant(ZoneOffset.UTC), own, authorDeleted && !anonymous,
				authorShown ? r.get(PERSON.TEACHER_ID) : null, r.get(REVIEW.STAGE));
	}

	private static Integer number(Byte value) {
		return value == null ? null : value.intValue();
	}

	private static List<SortField<?>> order(ReviewSort sort) {
		return switch (sort) {
			case UPVOTES -> List.of(REVIEW.UPVOTE_COUNT.desc(), REVIEW.CREATED_AT.desc());
			case NEWEST -> List.of(REVIEW.CREATED_AT.desc());
			case OLDEST -> List.of(REVIEW.CREATED_AT.asc());
			case RATING -> List.of(REVIEW.RATING.desc().nullsLast(), REVIEW.CREATED_AT.desc());
		};
	}

}
