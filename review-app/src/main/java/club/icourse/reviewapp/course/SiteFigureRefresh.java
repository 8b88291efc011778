package club.icourse.reviewapp.course;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the site-wide figures at start-up and hourly, on one instance at a time. The
 * lock is here, not on {@link CourseFigures#refreshSiteFigures()}, because the
 * catalogue's sample loader calls that directly and must not be skipped while another
 * instance holds the lock.
 */
@Component
class SiteFigureRefresh {

	private final CourseFigures figures;

	SiteFigureRefresh(CourseFigures figures) {
		this.figures = figures;
	}

	@Scheduled(fixedDelayString = "${icourse.ranking.refresh-interval:1h}", initialDelay = 0)
	@SchedulerLock(name = "course.site-figures")
	void refresh() {
		figures.refreshSiteFigures();
	}

}
