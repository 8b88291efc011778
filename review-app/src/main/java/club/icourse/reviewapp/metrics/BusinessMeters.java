package club.icourse.reviewapp.metrics;

import club.icourse.reviewapp.comment.CommentChanged;
import club.icourse.reviewapp.moderation.ReportCreated;
import club.icourse.reviewapp.review.ReviewChanged;
import club.icourse.reviewapp.review.ReviewHistory.Action;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counters of what people do here, for dashboards: reviews written, edited and deleted,
 * comments, reports. Counted as the change happens (a change that then rolls back is
 * still counted: these are rates, not totals; the totals are in the database).
 */
@Component
class BusinessMeters {

	private final MeterRegistry meters;

	BusinessMeters(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void on(ReviewChanged change) {
		if (change.action() == Action.CREATE || change.action() == Action.UPDATE || change.action() == Action.DELETE) {
			meters.counter("icourse.reviews", "action", change.action().name().toLowerCase(Locale.ROOT)).increment();
		}
	}

	@EventListener
	void on(CommentChanged change) {
		meters.counter("icourse.comments", "action", change.action().name().toLowerCase(Locale.ROOT)).increment();
	}

	@EventListener
	void on(ReportCreated report) {
		meters.counter("icourse.reports", "reason", report.reason()).increment();
	}

}
