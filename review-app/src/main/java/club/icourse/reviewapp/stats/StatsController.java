package club.icourse.reviewapp.stats;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.stats.SvgCharts.Point;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public statistics page (optionally as of a past day), rankings, and the
 * administrators' activity page.
 */
@Controller
class StatsController {

	private static final int RANKING_SIZE = 10;

	private final SiteStats stats;

	private final Rankings rankings;

	private final ReviewListing reviews;

	private final ReviewCards cards;

	private final MessageSource messages;

	private final Clock clock;

	StatsController(SiteStats stats, Rankings rankings, ReviewListing reviews, ReviewCards cards,
			MessageSource messages, Clock clock) {
		this.stats = stats;
		this.rankings = rankings;
		this.reviews = reviews;
		this.cards = cards;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/stats")
	String stats(@RequestParam(required = false) String asOf, Authentication authentication, Locale locale,
			Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate day = today;
		if (asOf != null && !asOf.isBlank()) {
			try {
				day = LocalDate.parse(asOf.strip());
				if (day.isAfter(today) || day.getYear() < 2000) {
					throw new DateTimeParseException("out of range", asOf, 0);
				}
			}
			catch (DateTimeParseException e) {
				model.addAttribute("badDate", true);
				day = today;
			}
		}
		List<SiteStats.Month> months = stats.months(day);
		model.addAttribute("figures", stats.figures(day));
		model.addAttribute("today", today);
		model.addAttribute("monthlyChart", SvgCharts.bars(text("stats.chart.monthly-reviews", locale),
				months.stream().map(m -> new Point(m.month().toString(), m.reviews())).toList()));
		model.addAttribute("monthlyPeopleChart", SvgCharts.bars(text("stats.chart.monthly-people", locale),
				months.stream().map(m -> new Point(m.month().toString(), m.people())).toList()));
		model.addAttribute("cumulativeChart", SvgCharts.line(text("stats.chart.cumulative-reviews", locale),
				months.stream().map(m -> new Point(m.month().toString(), m.totalReviews())).toList()));
		model.addAttribute("cumulativePeopleChart", SvgCharts.line(text("stats.chart.cumulative-people", locale),
				months.stream().map(m -> new Point(m.month().toString(), m.totalPeople())).toList()));
		model.addAttribute("ratingChart",
				SvgCharts.bars(text("stats.chart.ratings", locale), halfStars(stats.ratingDistribution(day))));
		model.addAttribute("courseAverageChart", SvgCharts.bars(text("stats.chart.course-averages", locale),
				halfStars(stats.courseAverageDistribution())));
		model.addAttribute("best", rankings.best(RANKING_SIZE));
		model.addAttribute("worst", rankings.worst(RANKING_SIZE));
		model.addAttribute("mostReviewed", rankings.mostReviewed(RANKING_SIZE));
		model.addAttribute("reviewers", rankings.mostHelpfulReviewers(RANKING_SIZE));
		// The list is the same for everyone; only the upvote buttons are the reader's.
		model.addAttribute("mostUpvoted",
				cards.of(reviews.mostUpvoted(Optional.empty(), 5), SignedIn.person(authentication)));
		model.addAttribute("minRated", Rankings.MIN_RATED_REVIEWS);
		return "stats/show";
	}

	@GetMapping("/admin/activity")
	String activity(Locale locale, Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<SiteStats.Activity> daily = stats.dailyActivity(today, 30);
		List<SiteStats.Activity> monthly = stats.monthlyActivity(today, 12);
		model.addAttribute("daily", daily);
		model.addAttribute("monthly", monthly);
		model.addAttribute("dailyChart", SvgCharts.bars(text("stats.chart.daily-active", locale),
				daily.stream().map(a -> new Point(a.period().substring(5), a.activePeople())).toList()));
		model.addAttribute("monthlyChart", SvgCharts.bars(text("stats.chart.monthly-active", locale),
				monthly.stream().map(a -> new Point(a.period(), a.activePeople())).toList()));
		model.addAttribute("signInChart", SvgCharts.line(text("stats.chart.daily-sign-ins", locale),
				daily.stream().map(a -> new Point(a.period().substring(5), a.signIns())).toList()));
		return "stats/activity";
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
