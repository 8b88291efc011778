package club.icourse.reviewapp.review;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes drafts last saved more than 30 days ago, on one instance at a time (the form
 * already ignores them).
 */
@Component
class DraftCleanup {

	private final SavedDrafts drafts;

	DraftCleanup(SavedDrafts drafts) {
		this.drafts = drafts;
	}

	@Scheduled(fixedDelayString = "${icourse.drafts.cleanup-interval:6h}",
			initialDelayString = "${icourse.drafts.cleanup-interval:6h}")
	@SchedulerLock(name = "review.expired-drafts")
	void deleteExpired() {
		drafts.deleteExpired();
	}

}
