package club.icourse.reviewapp.course;

import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.SITE_FIGURE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-course figures (counts, rating sums, the normalized rating) and the two
 * site-wide figures the normalized rating needs. A course's figures are recomputed from
 * that course's reviews alone (an indexed read of one course) in the transaction of every
 * change, so they are always exact; pages only read them.
 *
 * <p>
 * Normalized rating (iCourse's Bayesian average): (rating_sum + site_average *
 * reviews_per_course) / (rated_count + reviews_per_course); a course without rated
 * reviews scores 0 and ranks last.
 */
@Repository
public class CourseFigures {

	static final String SITE_AVERAGE = "average_rating";
	static final String REVIEWS_PER_COURSE = "rated_reviews_per_course";

	/** Reviews that count: visible to someone besides their author and admins. */
	public static final Condition COUNTED = REVIEW.HIDDEN.isFalse().and(REVIEW.BLOCKED.isFalse());

	private final DSLContext dsl;

	private final Clock clock;

	CourseFigures(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/**
	 * Locks the course's figures until the end of the transaction, so that changes to one
	 * course take turns.
	 */
	public void lock(long courseId) {
		// Lock first, create only when missing: an INSERT IGNORE on an existing row takes
		// a shared lock, and two
		// of those waiting to upgrade to the exclusive one deadlock.
		if (selectForUpdate(courseId) == 0) {
			dsl.insertInto(COURSE_STATS).set(COURSE_STATS.COURSE_ID, courseId).onDuplicateKeyIgnore().execute();
			selectForUpdate(courseId);
		}
	}

	private int selectForUpdate(long courseId) {
		return dsl.select(COURSE_STATS.COURSE_ID)
			.from(COURSE_STATS)
			.where(COURSE_STATS.COURSE_ID.eq(courseId))
			.forUpdate()
			.execute();
	}

	/**
	 * Recomputes one course's figures from its reviews. Call inside the transaction that
	 * changed them.
	 */
	public void refresh(long courseId) {
		Condition ofCourse = REVIEW.COURSE_ID.eq(courseId);
		Condition rated = COUNTED.and(REVIEW.RATING.isNotNull());
		var row = dsl
			.select(count().filterWhere(COUNTED), count().filterWhere(rated),
					coalesce(sum(REVIEW.RATING).filterWhere(rated), inline(BigDecimal.ZERO)),
					coalesce(sum(REVIEW.DIFFICULTY).filterWhere(rated), inline(BigDecimal.ZERO)),
					coalesce(sum(REVIEW.HOMEWORK).filterWhere(rated), inline(BigDecimal.ZERO)),
					coalesce(sum(REVIEW.GRADING).filterWhere(rated), inline(BigDecimal.ZERO)),
					coalesce(sum(REVIEW.GAIN).filterWhere(rated), inline(BigDecimal.ZERO)),
					count().filterWhere(REVIEW.BLOCKED.isTrue()), max(REVIEW.CREATED_AT).filterWhere(COUNTED))
			.from(REVIEW)
			.where(ofCourse)
			.fetchSingle();
		dsl.update(COURSE_STATS)
			.set(COURSE_STATS.REVIEW_COUNT, row.value1())
			.set(COURSE_STATS.RATED_COUNT, row.value2())
			.set(COURSE_STATS.RATING_SUM, row.value3().intValue())
			.set(COURSE_STATS.DIFFICULTY_SUM, row.value4().intValue())
			.set(COURSE_STATS.HOMEWORK_SUM, row.value5().intValue())
			.set(COURSE_STATS.GRADING_SUM, row.value6().intValue())
			.set(COURSE_STATS.GAIN_SUM, row.value7().intValue())
			.set(COURSE_STATS.BLOCKED_COUNT, row.value8())
			.set(COURSE_STATS.LAST_REVIEW_AT, row.value9())
			.where(COURSE_STATS.COURSE_ID.eq(courseId))
			.execute();
		dsl.update(COURSE_STATS)
			.set(COURSE_STATS.NORMALIZED_RATING, normalized())
			.where(COURSE_STATS.COURSE_ID.eq(courseId))
			.execute();
	}

	/** A review left the course for good (deleted) or came back (restored). */
	public void countDeleted(long courseId, int change) {
		dsl.update(COURSE_STATS)
			.set(COURSE_STATS.DELETED_COUNT, COURSE_STATS.DELETED_COUNT.plus(change))
			.where(COURSE_STATS.COURSE_ID.eq(courseId))
			.execute();
	}

	/**
	 * Recomputes the site-wide average rating and rated reviews per reviewed course, then
	 * every course's normalized rating with them. Hourly ({@link SiteFigureRefresh}): the
	 * two figures move slowly, and between refreshes the ranking stays consistent.
	 */
	@Transactional
	public void refreshSiteFigures() {
		// Refreshes take turns, and each reads the reviews only once it has its turn: one
		// that read earlier (its
		// snapshot older) can never store its figures after a newer one.
		// (An upsert that changes nothing takes the row's exclusive lock at once,
		// creating the row when missing.)
		dsl.insertInto(SITE_FIGURE)
			.set(SITE_FIGURE.NAME, SITE_AVERAGE)
			.set(SITE_FIGURE.VALUE, 0.0)
			.set(SITE_FIGURE.REFRESHED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.onDuplicateKeyUpdate()
			.set(SITE_FIGURE.VALUE, SITE_FIGURE.VALUE)
			.execute();
		Condition rated = COUNTED.and(REVIEW.RATING.isNotNull());
		var site = dsl.select(count(), sum(REVIEW.RATING), countDistinct(REVIEW.COURSE_ID))
			.from(REVIEW)
			.where(rated)
			.fetchSingle();
		int reviews = site.value1();
		double average = reviews == 0 ? 0 : site.value2().doubleValue() / reviews;
		double perCourse = reviews == 0 ? 0 : (double) reviews / site.value3();
		store(SITE_AVERAGE, average);
		store(REVIEWS_PER_COURSE, perCourse);
		dsl.update(COURSE_STATS).set(COURSE_STATS.NORMALIZED_RATING, normalized()).execute();
	}

	private Field<Double> normalized() {
		return normalized(COURSE_STATS.RATING_SUM, COURSE_STATS.RATED_COUNT);
	}

	/**
	 * The normalized rating of any sum of ratings over a number of rated reviews (a
	 * course's, a teacher's over their courses): 0 without a rated review.
	 */
	static Field<Double> normalized(Field<? extends Number> ratingSum, Field<? extends Number> ratedCount) {
		Field<Double> average = siteFigure(SITE_AVERAGE);
		Field<Double> perCourse = siteFigure(REVIEWS_PER_COURSE);
		return when(ratedCount.cast(Double.class).eq(0.0), inline(0.0)).otherwise(ratingSum.cast(Double.class)
			.plus(average.times(perCourse))
			.div(ratedCount.cast(Double.class).plus(perCourse)));
	}

	private static Field<Double> siteFigure(String name) {
		Field<Double> stored = select(SITE_FIGURE.VALUE).from(SITE_FIGURE).where(SITE_FIGURE.NAME.eq(name)).asField();
		return coalesce(stored, inline(0.0));
	}

	private void store(String name, double value) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		dsl.insertInto(SITE_FIGURE)
			.set(SITE_FIGURE.NAME, name)
			.set(SITE_FIGURE.VALUE, value)
			.set(SITE_FIGURE.REFRESHED_AT, now)
			.onDuplicateKeyUpdate()
			.set(SITE_FIGURE.VALUE, value)
			.set(SITE_FIGURE.REFRESHED_AT, now)
			.execute();
	}

}
