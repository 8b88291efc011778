package club.icourse.reviewapp.moderation;

import club.icourse.reviewapp.review.ReviewChanged;
import club.icourse.reviewapp.review.ReviewSnapshot;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Blocks, unblocks, restores and deletions of other people's reviews go into the
 * moderation log.
 */
@Component
class ReviewModerationLogging {

	private final ModerationLog log;

	ReviewModerationLogging(ModerationLog log) {
		this.log = log;
	}

	@EventListener
	void on(ReviewChanged change) {
		ReviewSnapshot review = change.review();
		boolean byOther = change.operatorId() != review.authorId();
		switch (change.action()) {
			case BLOCK -> log.record(change.operatorId(), "review.block", "review", review.id(), review.blockedReason(),
					change.at());
			case UNBLOCK -> log.record(change.operatorId(), "review.unblock", "review", review.id(), null, change.at());
			case RESTORE -> log.record(change.operatorId(), "review.restore", "review", review.id(), null, change.at());
			case DELETE -> {
				if (byOther) {
					log.record(change.operatorId(), "review.delete", "review", review.id(), null, change.at());
				}
			}
			default -> {
			}
		}
	}

}
