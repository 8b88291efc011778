package club.icourse.reviewapp.profile;

import club.icourse.reviewapp.card.ReviewCard;
import club.icourse.reviewapp.course.CoursesTaken.CourseTaken;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.follow.Follows.Followed;
import java.time.Instant;
import java.util.List;

/**
 * Everything a profile page shows to one reader.
 *
 * @param self the reader is the person
 * @param hidden the person hides their profile from this reader: only the name shows
 * @param following the reader follows the person
 * @param localAdmin the person is a local administrator (for administrators' buttons)
 * @param mutedUntil until when the person is muted, for administrators; null otherwise
 * @param reviews the person's reviews this reader may see; null when hidden
 * @param follows what the person follows and who follows them, and the courses they took;
 * null when hidden or when they hide it from this reader
 */
record ProfilePage(Profile profile, boolean self, boolean hidden, boolean following, boolean localAdmin,
		Instant mutedUntil, Page<ReviewCard> reviews, FollowLists follows) {

	record FollowLists(List<Followed> courses, List<Followed> people, List<Followed> followers,
			List<CourseTaken> taken) {
	}

}
