package club.icourse.reviewapp.stats;

import club.icourse.reviewapp.card.ReviewCard;
import club.icourse.reviewapp.course.CourseSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the statistics page shows. Charts are finished SVG documents.
 *
 * @param badDate whether the "as of" day asked for could not be read (today is shown)
 * @param rankings the course rankings by name ("best", "worst", "mostReviewed"), in page
 * order
 * @param minRated how many rated reviews a course needs to be ranked
 */
record StatsPage(SiteStats.Figures figures, LocalDate today, boolean badDate, Charts charts,
		Map<String, List<CourseSummary>> rankings, List<Rankings.Reviewer> reviewers, List<ReviewCard> mostUpvoted,
		int minRated) {

	record Charts(String monthlyReviews, String cumulativeReviews, String monthlyPeople, String cumulativePeople,
			String ratings, String courseAverages) {
	}

}
