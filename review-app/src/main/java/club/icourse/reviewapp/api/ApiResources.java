package club.icourse.reviewapp.api;

import club.icourse.reviewapp.course.CourseCatalogue.TeacherDetails;
import club.icourse.reviewapp.course.CourseDetails;
import club.icourse.reviewapp.course.CourseSummary;
import club.icourse.reviewapp.follow.Follows.Followed;
import club.icourse.reviewapp.notification.Notifications.NotificationView;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.ReviewListing.TermSummary;
import club.icourse.reviewapp.review.ReviewView;
import club.icourse.reviewapp.review.SavedDrafts.SavedDraft;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the API answers and accepts, made from the features' read models only: whatever
 * the listing left out for this reader (an anonymous author, a blocked reason) stays out.
 * Ratings are out of ten ({@code rating}) or three (the four aspects).
 */
final class ApiResources {

	private ApiResources() {
	}

	/**
	 * One part of a longer list; {@code next} is the cursor of the part after it, null at
	 * the end.
	 */
	record Part<T>(List<T> items, String next) {

		/**
		 * @param read up to one more than {@code limit} items: the one more says there is
		 * a next part
		 */
		static <T, R> Part<R> of(List<T> read, int limit, Function<T, R> item, Function<T, String> cursor) {
			List<T> items = read.size() > limit ? read.subList(0, limit) : read;
			return new Part<>(items.stream().map(item).toList(),
					read.size() > limit ? cursor.apply(items.getLast()) : null);
		}
	}

	/**
	 * A review as this reader may see it. {@code author} is null when it is anonymous to
	 * the reader or its author deleted their account ({@code authorDeleted}). The last
	 * four fields appear only on the reader's own reviews.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Review(long id, long courseId, String courseName, String author, boolean authorDeleted, boolean byTeacher,
			boolean anonymous, String term, String stage, Integer rating, Integer difficulty, Integer homework,
			Integer grading, Integer gain, String contentHtml, int upvotes, int comments, Instant createdAt,
			Instant updatedAt, Boolean studentsOnly, Boolean hidden, Boolean blocked, String blockedReason) {

		static Review of(ReviewView review) {
			return new Review(review.id(), review.courseId(), review.courseName(), review.author(),
					review.authorDeleted(), review.byTeacher(), review.anonymous(), review.term(), review.stage(),
					review.rating(), review.difficulty(), review.homework(), review.grading(), review.gain(),
					review.contentHtml(), review.upvotes(), review.comments(), review.createdAt(), review.updatedAt(),
					review.own() ? review.studentsOnly() : null, review.own() ? review.hidden() : null,
					review.own() ? review.blocked() : null, review.own() ? review.blockedReason() : null);
		}
	}

	/** A course in a list. {@code averageRating} is null while no review is rated. */
	record CourseItem(long id, String name, List<String> teachers, String department, String latestTerm,
			String courseCode, int reviewCount, Double averageRating, double normalizedRating) {

		static CourseItem of(CourseSummary course) {
			return new CourseItem(course.id(), course.name(), course.teachers(), course.department(),
					course.latestTerm(), course.courseCode(), course.reviewCount(), course.averageRating(),
					course.normalizedRating());
		}
	}

	record TeacherName(long id, String name) {
	}

	/** The newest offering's details (fields null where the catalogue has none). */
	record Offering(String term, String courseCode, BigDecimal credits, Integer hours, String courseType,
			String level) {
	}

	/**
	 * The figures of the course's reviews that count (neither hidden nor blocked), as its
	 * page shows them; averages null while none is rated.
	 */
	record Ratings(int reviewCount, int ratedCount, Double averageRating, Double difficulty, Double homework,
			Double grading, Double gain, double normalizedRating, int follows) {
	}

	/** Per term, newest first: how many reviews count and their average rating. */
	record TermRatings(String term, int reviews, Double averageRating) {

		static TermRatings of(TermSummary term) {
			return new TermRatings(term.term(), term.reviews(), term.averageRating());
		}
	}

	record Course(long id, String name, List<TeacherName> teachers, String department, Offering latest,
			String introduction, String homepage, Ratings ratings, List<TermRatings> terms) {

		static Course of(CourseDetails course, List<TermSummary> terms) {
			CourseDetails.Figures figures = course.figures();
			CourseDetails.LatestTerm latest = course.latest();
			return new Course(course.id(), course.name(),
					course.teachers().stream().map(t -> new TeacherName(t.id(), t.name())).toList(),
					course.department(),
					latest == null ? null
							: new Offering(latest.term(), latest.courseCode(), latest.credits(), latest.hours(),
									latest.courseType(), latest.level()),
					course.introduction(), course.homepage(),
					new Ratings(figures.reviewCount(), figures.ratedCount(), figures.averageRating(),
							figures.difficulty(), figures.homework(), figures.grading(), figures.gain(),
							figures.normalizedRating(), figures.follows()),
					terms.stream().map(TermRatings::of).toList());
		}
	}

	record Teacher(long id, String name, String department, String homepage, String description,
			List<CourseItem> courses) {

		static Teacher of(TeacherDetails teacher) {
			return new Teacher(teacher.id(), teacher.name(), teacher.department(), teacher.homepage(),
					teacher.description(), teacher.courses().stream().map(CourseItem::of).toList());
		}
	}

	/** The person the token acts for. */
	record Me(String username, String affiliation) {

		static Me of(Person person) {
			return new Me(person.username(), person.affiliation() == null ? null : person.affiliation().claimValue());
		}
	}

	/**
	 * A review to write, as the site's form takes it: all five ratings or none ("text
	 * only"); {@code content} in Markdown; {@code stage} one of {@code learning},
	 * {@code examined}, {@code graded}, or none.
	 */
	record ReviewInput(String term, Integer rating, Integer difficulty, Integer homework, Integer grading, Integer gain,
			String content, Boolean anonymous, Boolean studentsOnly, String stage) {

		/** Switches left out are off. */
		ReviewDraft toDraft(long courseId) {
			return new ReviewDraft(courseId, term == null || term.isBlank() ? null : term.strip(), rating, difficulty,
					homework, grading, gain, content == null ? "" : content, Boolean.TRUE.equals(anonymous),
					Boolean.TRUE.equals(studentsOnly), stage == null || stage.isBlank() ? null : stage.strip());
		}
	}

	/** A review being written, kept for 30 days after it was last saved. */
	record Draft(long courseId, String term, Integer rating, Integer difficulty, Integer homework, Integer grading,
			Integer gain, String content, boolean anonymous, boolean studentsOnly, String stage, Instant savedAt) {

		static Draft of(SavedDraft saved) {
			ReviewDraft draft = saved.draft();
			return new Draft(draft.courseId(), draft.term(), draft.rating(), draft.difficulty(), draft.homework(),
					draft.grading(), draft.gain(), draft.content(), draft.anonymous(), draft.studentsOnly(),
					draft.stage(), saved.savedAt());
		}
	}

	record FollowedCourse(long id, String name) {
	}

	record Following(List<FollowedCourse> courses, List<String> people) {

		static Following of(List<Followed> courses, List<Followed> people) {
			return new Following(courses.stream().map(c -> new FollowedCourse(c.id(), c.name())).toList(),
					people.stream().map(Followed::name).toList());
		}
	}

	/**
	 * A notification as the site lists it; {@code actor} is null where it must not be
	 * named.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Notification(long id, String kind, String actor, Long courseId, String courseName, Long reviewId,
			Long commentId, String detail, Instant at, boolean read) {

		static Notification of(NotificationView view) {
			return new Notification(view.id(), view.kind().name().toLowerCase(Locale.ROOT), view.actor(),
					view.courseId(), view.courseName(), view.reviewId(), view.commentId(), view.detail(), view.at(),
					view.read());
		}
	}

}
