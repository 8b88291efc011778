package club.icourse.reviewapp.notification;

import club.icourse.reviewapp.comment.CommentChanged;
import club.icourse.reviewapp.comment.CommentSnapshot;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.follow.PersonFollowed;
import club.icourse.reviewapp.mention.Mentions;
import club.icourse.reviewapp.moderation.PersonMuted;
import club.icourse.reviewapp.moderation.ReportHandled;
import club.icourse.reviewapp.notification.Notifications.Subject;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewChanged;
import club.icourse.reviewapp.review.ReviewHistory.Action;
import club.icourse.reviewapp.review.ReviewSnapshot;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.reviewapp.review.UpvoteChanged;
import club.icourse.reviewapp.review.Visibility;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told about what. Runs inside the transaction of the change (events are delivered
 * synchronously), so a notification exists if and only if its cause committed. Nobody is
 * notified of their own doing, of a review they may not read, or of anything in a hidden
 * or blocked review; an anonymous author is never named (nor are their followers told of
 * their comments on their own anonymous review), and nobody is told twice of one comment.
 */
@Component
class NotificationRules {

	private final Notifications notifications;

	private final Follows follows;

	private final Mentions mentions;

	private final PersonRepository people;

	private final Reviews reviews;

	NotificationRules(Notifications notifications, Follows follows, Mentions mentions, PersonRepository people,
			Reviews reviews) {
		this.notifications = notifications;
		this.follows = follows;
		this.mentions = mentions;
		this.people = people;
		this.reviews = reviews;
	}

	@EventListener
	void on(ReviewChanged change) {
		ReviewSnapshot review = change.review();
		switch (change.action()) {
			case CREATE, UPDATE -> {
				if (change.contentChanged() && shown(review)) {
					reviewWritten(review, change);
				}
			}
			case BLOCK, UNBLOCK -> notifications.add(review.authorId(),
					change.action() == Action.BLOCK ? NotificationKind.REVIEW_BLOCKED
							: NotificationKind.REVIEW_UNBLOCKED,
					null, new Subject(review.courseId(), review.id(), null, review.blockedReason()), null, change.at());
			default -> {
			}
		}
	}

	private void reviewWritten(ReviewSnapshot review, ReviewChanged change) {
		long authorId = review.authorId();
		Long actor = review.anonymous() ? null : authorId;
		Subject subject = new Subject(review.courseId(), review.id(), null,
				change.action() == Action.CREATE ? "created" : "updated");
		Map<Long, NotificationKind> followers = new LinkedHashMap<>();
		follows.followersOfCourse(review.courseId()).forEach(id -> followers.put(id, NotificationKind.COURSE_REVIEW));
		if (!review.anonymous()) {
			follows.followersOfPerson(authorId).forEach(id -> followers.put(id, NotificationKind.PERSON_REVIEW));
		}
		followers.remove(authorId);
		people.all(followers.keySet())
			.stream()
			.filter(person -> Visibility.canRead(Optional.of(person), review))
			.forEach(person -> notifications.add(person.id(), followers.get(person.id()), actor, subject, null,
					change.at()));
		for (Person mentioned : mentions.in(review.content())) {
			if (mentioned.id() != authorId && Visibility.canRead(Optional.of(mentioned), review)) {
				notifications.add(mentioned.id(), NotificationKind.MENTION, actor,
						Subject.review(review.courseId(), review.id()), "mention:review:" + review.id(), change.at());
			}
		}
	}

	@EventListener
	void on(CommentChanged change) {
		CommentSnapshot comment = change.comment();
		if (change.action() == CommentChanged.Action.DELETE) {
			notifications.withdrawAboutComment(comment.id());
			return;
		}
		ReviewSnapshot review = reviews.current(comment.reviewId()).orElse(null);
		if (review == null || !shown(review)) {
			return;
		}
		long commenter = comment.authorId();
		Subject subject = new Subject(review.courseId(), review.id(), comment.id(), null);
		if (review.authorId() != commenter) {
			notifications.add(review.authorId(), NotificationKind.COMMENT, commenter, subject, null, change.at());
		}
		Set<Long> told = new HashSet<>(List.of(commenter, review.authorId()));
		for (Person mentioned : mentions.in(comment.content())) {
			if (mentioned.id() != commenter && Visibility.canRead(Optional.of(mentioned), review)) {
				notifications.add(mentioned.id(), NotificationKind.MENTION, commenter, subject,
						"mention:comment:" + comment.id(), change.at());
				told.add(mentioned.id());
			}
		}
		if (review.anonymous() && review.authorId() == commenter) {
			return;
		}
		List<Long> followers = follows.followersOfPerson(commenter).stream().filter(id -> !told.contains(id)).toList();
		people.all(followers)
			.stream()
			.filter(person -> Visibility.canRead(Optional.of(person), review))
			.forEach(person -> notifications.add(person.id(), NotificationKind.PERSON_COMMENT, commenter, subject, null,
					change.at()));
	}

	@EventListener
	void on(UpvoteChanged change) {
		ReviewSnapshot review = change.review();
		String onceKey = "upvote:" + review.id() + ":" + change.voterId();
		if (change.upvoted()) {
			notifications.add(review.authorId(), NotificationKind.UPVOTE, change.voterId(),
					Subject.review(review.courseId(), review.id()), onceKey, change.at());
		}
		else {
			notifications.withdraw(review.authorId(), onceKey);
		}
	}

	@EventListener
	void on(PersonFollowed follow) {
		notifications.add(follow.followeeId(), NotificationKind.FOLLOW, follow.followerId(),
				new Subject(null, null, null, null), "follow:" + follow.followerId(), follow.at());
	}

	@EventListener
	void on(ReportHandled handled) {
		notifications.add(handled.reporterId(), NotificationKind.REPORT_HANDLED, null,
				new Subject(handled.courseId(), null, null, handled.outcome()), null, handled.at());
	}

	@EventListener
	void on(PersonMuted muted) {
		notifications.add(muted.personId(), muted.until() == null ? NotificationKind.UNMUTED : NotificationKind.MUTED,
				null, new Subject(null, null, null, muted.reason()), null, muted.at());
	}

	private static boolean shown(ReviewSnapshot review) {
		return !review.hidden() && !review.blocked();
	}

}
