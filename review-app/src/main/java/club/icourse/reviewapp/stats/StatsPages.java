package club.icourse.reviewapp.stats;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.course.CourseSummary;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.stats.SvgCharts.Point;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Puts the statistics page together: figures, charts, rankings. */
@Service
class StatsPages {

	private static final int RANKING_SIZE = 10;

	private static final int MOST_UPVOTED = 5;

	private final SiteStats stats;

	private final Rankings rankings;

	private final ReviewListing reviews;

	private final ReviewCards cards;

	private final MessageSource messages;

	StatsPages(SiteStats stats, Rankings rankings, ReviewListing reviews, ReviewCards cards, MessageSource messages) {
		this.stats = stats;
		this.rankings = rankings;
		this.reviews = reviews;
		this.cards = cards;
		this.messages = messages;
	}

	StatsPage page(LocalDate day, LocalDate today, boolean badDate, Optional<Person> reader, Locale locale) {
		Map<String, List<CourseSummary>> ranked = new LinkedHashMap<>();
		ranked.put("best", rankings.best(RANKING_SIZE));
		ranked.put("worst", rankings.worst(RANKING_SIZE));
		ranked.put("mostReviewed", rankings.mostReviewed(RANKING_SIZE));
		// The list is the same for everyone; only the upvote buttons are the reader's.
		return new StatsPage(stats.figures(day), today, badDate, charts(day, locale), ranked,
				rankings.mostHelpfulReviewers(RANKING_SIZE),
				cards.of(reviews.mostUpvoted(Optional.empty(), MOST_UPVOTED), reader), Rankings.MIN_RATED_REVIEWS);
	}

	private StatsPage.Charts charts(LocalDate day, Locale locale) {
		List<SiteStats.Month> months = stats.months(day);
		return new StatsPage.Charts(
				SvgCharts.bars(text("stats.chart.monthly-reviews", locale),
						months.stream().map(m -> new Point(m.month().toString(), m.reviews())).toList()),
				SvgCharts.line(text("stats.chart.cumulative-reviews", locale),
						months.stream().map(m -> new Point(m.month().toString(), m.totalReviews())).toList()),
				SvgCharts.bars(text("stats.chart.monthly-people", locale),
						months.stream().map(m -> new Point(m.month().toString(), m.people())).toList()),
				SvgCharts.line(text("stats.chart.cumulative-people", locale),
						months.stream().map(m -> new Point(m.month().toString(), m.totalPeople())).toList()),
				SvgCharts.bars(text("stats.chart.ratings", locale), halfStars(stats.ratingDistribution(day))), SvgCharts
					.bars(text("stats.chart.course-averages", locale), halfStars(stats.courseAverageDistribution())));
	}

	private static List<Point> halfStars(int[] counts) {
		List<Point> points = new ArrayList<>();
		IntStream.range(0, counts.length).forEach(i -> points.add(new Point(String.valueOf((i + 1) / 2.0), counts[i])));
		return points;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
