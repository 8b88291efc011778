package club.icourse.reviewapp.stats;

import club.icourse.reviewapp.people.SignedIn;
import club.icourse.reviewapp.stats.SvgCharts.Point;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

	private final SiteStats stats;

	private final StatsPages pages;

	private final MessageSource messages;

	private final Clock clock;

	StatsController(SiteStats stats, StatsPages pages, MessageSource messages, Clock clock) {
		this.stats = stats;
		this.pages = pages;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/stats")
	String stats(@RequestParam(required = false) String asOf, Authentication authentication, Locale locale,
			Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Optional<LocalDate> day = asOf(asOf, today);
		model.addAttribute("page",
				pages.page(day.orElse(today), today, day.isEmpty(), SignedIn.person(authentication), locale));
		return "stats/show";
	}

	/**
	 * The day asked for: none asked is today; an unreadable day, or one in the future or
	 * before 2000, is empty.
	 */
	private static Optional<LocalDate> asOf(String asOf, LocalDate today) {
		if (asOf == null || asOf.isBlank()) {
			return Optional.of(today);
		}
		try {
			LocalDate day = LocalDate.parse(asOf.strip());
			return day.isAfter(today) || day.getYear() < 2000 ? Optional.empty() : Optional.of(day);
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
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

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
