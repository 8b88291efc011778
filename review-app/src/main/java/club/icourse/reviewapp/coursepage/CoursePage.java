package club.icourse.reviewapp.coursepage;

import club.icourse.reviewapp.card.ReviewCard;
import club.icourse.reviewapp.course.CourseCatalogue.Option;
import club.icourse.reviewapp.course.CourseDetails;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.review.ReviewListing.TermSummary;
import java.util.List;
import java.util.Optional;

/**
 * Everything a course page shows, for one reader.
 *
 * @param myVote the reader's vote on the course: 1, -1, or 0 for none
 * @param deletedReviews the ids of its deleted reviews, for administrators (empty for
 * everyone else)
 * @param sort the review order's parameter value
 * @param term the term filter, as asked
 * @param stars the star filter (1 to 5), or null for all
 * @param termOptions the terms the filter offers
 * @param takenIn whether the reader took the course: empty if they did not say so, else
 * the term ("" when not said)
 */
record CoursePage(CourseDetails course, Page<ReviewCard> reviews, int myVote, boolean following,
		List<Long> deletedReviews, List<TermSummary> termSummary, String sort, String term, Integer stars,
		List<Option> termOptions, boolean hasOwnReview, Optional<String> takenIn) {

}
