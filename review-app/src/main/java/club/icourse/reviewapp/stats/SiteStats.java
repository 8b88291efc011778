package club.icourse.reviewapp.stats;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.SIGN_IN;
import static club.icourse.db.review.Tables.TEACHER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.sum;

import club.icourse.reviewapp.course.CourseFigures;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The site's figures as of the end of a given day (in UTC): what existed then and is
 * still here. Reviews count as the course figures count them (not hidden, not blocked).
 * Every figure is one aggregate query over an indexed time column.
 */
@Repository
public class SiteStats {

	/**
	 * The headline figures. {@code averageRating} is out of ten, null without rated
	 * reviews.
	 */
	public record Figures(LocalDate asOf, long daysRunning, int people, int courses, int teachers, int reviews,
			int ratedReviews, Double averageRating, double reviewsPerCourse) {
	}

	/** One month's new reviews and new people, and the running totals. */
	public record Month(YearMonth month, int reviews, int people, int totalReviews, int totalPeople) {
	}

	private final DSLContext dsl;

	SiteStats(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Figures figures(LocalDate asOf) {
		LocalDateTime end = asOf.plusDays(1).atStartOfDay();
		Condition reviews = CourseFigures.COUNTED.and(REVIEW.CREATED_AT.lt(end));
		var row = dsl
			.select(count(), count().filterWhere(REVIEW.RATING.isNotNull()), sum(REVIEW.RATING),
					countDistinct(REVIEW.COURSE_ID))
			.from(REVIEW)
			.where(reviews)
			.fetchSingle();
		int people = dsl.fetchCount(PERSON, PERSON.CREATED_AT.lt(end));
		int courses = dsl.fetchCount(COURSE, COURSE.CREATED_AT.lt(end));
		int teachers = dsl.fetchCount(TEACHER, TEACHER.CREATED_AT.lt(end));
		LocalDateTime first = dsl
			.select(DSL.least(DSL.min(PERSON.CREATED_AT),
					DSL.select(DSL.min(REVIEW.CREATED_AT)).from(REVIEW).asField()))
			.from(PERSON)
			.fetchSingle()
			.value1();
		long days = first == null || first.isAfter(end) ? 0
				: Duration.between(first.toLocalDate().atStartOfDay(), end).toDays();
		int rated = row.value2();
		Double average = rated == 0 ? null : row.value3().doubleValue() / rated;
		double perCourse = row.value4() == 0 ? 0 : (double) row.value1() / row.value4();
		return new Figures(asOf, days, people, courses, teachers, row.value1(), rated, average, perCourse);
	}

	/**
	 * Month by month, from the first month with a review or a person up to the given day.
	 */
	public List<Month> months(LocalDate asOf) {
		LocalDateTime end = asOf.plusDays(1).atStartOfDay();
		Map<YearMonth, int[]> byMonth = new LinkedHashMap<>();
		Field<Integer> reviewYear = DSL.year(REVIEW.CREATED_AT);
		Field<Integer> reviewMonth = DSL.month(REVIEW.CREATED_AT);
		dsl.select(reviewYear, reviewMonth, count())
			.from(REVIEW)
			.where(CourseFigures.COUNTED)
			.and(REVIEW.CREATED_AT.lt(end))
			.groupBy(reviewYear, reviewMonth)
			.forEach(r -> byMonth.computeIfAbsent(YearMonth.of(r.value1(), r.value2()), m -> new int[2])[0] = r
				.value3());
		Field<Integer> personYear = DSL.year(PERSON.CREATED_AT);
		Field<Integer> personMonth = DSL.month(PERSON.CREATED_AT);
		dsl.select(personYear, personMonth, count())
			.from(PERSON)
			.where(PERSON.CREATED_AT.lt(end))
			.groupBy(personYear, personMonth)
			.forEach(r -> byMonth.computeIfAbsent(YearMonth.of(r.value1(), r.value2()), m -> new int[2])[1] = r
				.value3());
		List<Month> months = new ArrayList<>();
		if (byMonth.isEmpty()) {
			return months;
		}
		YearMonth month = byMonth.keySet().stream().min(YearMonth::compareTo).orElseThrow();
		YearMonth last = YearMonth.from(asOf);
		int totalReviews = 0;
		int totalPeople = 0;
		for (; !month.isAfter(last); month = month.plusMonths(1)) {
			int[] counts = byMonth.getOrDefault(month, new int[2]);
			totalReviews += counts[0];
			totalPeople += counts[1];
			months.add(new Month(month, counts[0], counts[1], totalReviews, totalPeople));
		}
		return months;
	}

	/** How many counted reviews gave each rating, 1 to 10 (half stars to five stars). */
	public int[] ratingDistribution(LocalDate asOf) {
		int[] counts = new int[10];
		dsl.select(REVIEW.RATING, count())
			.from(REVIEW)
			.where(CourseFigures.COUNTED)
			.and(REVIEW.RATING.isNotNull())
			.and(REVIEW.CREATED_AT.lt(asOf.plusDays(1).atStartOfDay()))
			.groupBy(REVIEW.RATING)
			.forEach(r -> counts[r.value1() - 1] = r.value2());
		return counts;
	}

	/**
	 * How many rated courses have an average in each half-star band (0.5-1 star, ...,
	 * 4.5-5 stars), today.
	 */
	public int[] courseAverageDistribution() {
		int[] counts = new int[10];
		Field<Integer> band = DSL.least(DSL.inline(9),
				DSL.greatest(DSL.inline(0),
						DSL.ceil(COURSE_STATS.RATING_SUM.cast(Double.class).div(COURSE_STATS.RATED_COUNT))
							.cast(Integer.class)
							.minus(1)));
		dsl.select(band, count())
			.from(COURSE_STATS)
			.where(COURSE_STATS.RATED_COUNT.gt(0))
			.groupBy(band)
			.forEach(r -> counts[r.value1()] = r.value2());
		return counts;
	}

	/**
	 * Distinct people who signed in on each of the last days, and sign-ins, newest last.
	 */
	public List<Activity> dailyActivity(LocalDate today, int days) {
		LocalDateTime start = today.minusDays(days - 1L).atStartOfDay();
		Field<Date> day = DSL.field("CAST({0} AS DATE)", Date.class, SIGN_IN.AT);
		Map<LocalDate, Activity> byDay = new LinkedHashMap<>();
		for (int i = 0; i < days; i++) {
			LocalDate date = start.toLocalDate().plusDays(i);
			byDay.put(date, new Activity(date.toString(), 0, 0));
		}
		dsl.select(day, countDistinct(SIGN_IN.PERSON_ID), count())
			.from(SIGN_IN)
			.where(SIGN_IN.AT.ge(start))
			.groupBy(day)
			.forEach(r -> byDay.put(r.value1().toLocalDate(),
					new Activity(r.value1().toLocalDate().toString(), r.value2(), r.value3())));
		return List.copyOf(byDay.values());
	}

	/**
	 * Distinct people who signed in in each of the last months, and sign-ins, newest
	 * last.
	 */
	public List<Activity> monthlyActivity(LocalDate today, int months) {
		YearMonth first = YearMonth.from(today).minusMonths(months - 1L);
		Field<Integer> year = DSL.year(SIGN_IN.AT);
		Field<Integer> month = DSL.month(SIGN_IN.AT);
		Map<YearMonth, Activity> byMonth = new LinkedHashMap<>();
		for (int i = 0; i < months; i++) {
			byMonth.put(first.plusMonths(i), new Activity(first.plusMonths(i).toString(), 0, 0));
		}
		dsl.select(year, month, countDistinct(SIGN_IN.PERSON_ID), count())
			.from(SIGN_IN)
			.where(SIGN_IN.AT.ge(first.atDay(1).atStartOfDay()))
			.groupBy(year, month)
			.forEach(r -> {
				YearMonth key = YearMonth.of(r.value1(), r.value2());
				byMonth.put(key, new Activity(key.toString(), r.value3(), r.value4()));
			});
		return List.copyOf(byMonth.values());
	}

	/** Active people and sign-ins in one period. */
	public record Activity(String period, int activePeople, int signIns) {
	}

}
