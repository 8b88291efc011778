package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.REVIEW;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewSnapshot;
import club.icourse.reviewapp.review.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Review hits as the page shows them: read from the database at query time, so that a
 * review hidden, blocked or deleted since the index last heard of it is left out, each
 * checked against the read rules for the searcher. A snippet is the review's own text
 * only: never its author, so anonymity holds.
 */
@Repository
class ReviewHits {

	private final DSLContext dsl;

	ReviewHits(DSLContext dsl) {
		this.dsl = dsl;
	}

	List<CatalogueSearch.Hit> readable(List<Long> ids, Optional<Person> viewer, List<String> terms) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, ReviewSnapshot> reviews = dsl.selectFrom(REVIEW)
			.where(REVIEW.ID.in(ids))
			.fetchMap(REVIEW.ID, ReviewSnapshot::of);
		Map<Long, String> courses = dsl.select(COURSE.ID, COURSE.NAME)
			.from(COURSE)
			.where(COURSE.ID.in(reviews.values().stream().map(ReviewSnapshot::courseId).toList()))
			.fetchMap(COURSE.ID, COURSE.NAME);
		return ids.stream()
			.map(reviews::get)
			.filter(review -> review != null && Visibility.canRead(viewer, review))
			.map(review -> new CatalogueSearch.Hit(review.id(), courses.get(review.courseId()), review.term(), null,
					review.courseId(), Snippet.of(review.content(), terms)))
			.toList();
	}

}
