package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.REVIEW;

import club.icourse.reviewapp.people.Person;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Who may read a review. Blocked: the author and admins only. Hidden by its author: the
 * author only. Students only: signed-in students and the author. Anonymity does not hide
 * the review, only its author (from everyone but admins).
 */
public final class Visibility {

	private Visibility() {
	}

	/** The reviews a viewer may read, as a query condition. */
	public static Condition readableBy(Optional<Person> viewer) {
		if (viewer.isEmpty()) {
			return REVIEW.BLOCKED.isFalse().and(REVIEW.HIDDEN.isFalse()).and(REVIEW.STUDENTS_ONLY.isFalse());
		}
		Person person = viewer.get();
		Condition own = REVIEW.AUTHOR_ID.eq(person.id());
		Condition notBlocked = person.admin() ? DSL.trueCondition() : REVIEW.BLOCKED.isFalse();
		Condition studentsOnly = person.isStudent() ? DSL.trueCondition() : REVIEW.STUDENTS_ONLY.isFalse();
		return own.or(notBlocked.and(REVIEW.HIDDEN.isFalse()).and(studentsOnly));
	}

	public static boolean canRead(Optional<Person> viewer, ReviewSnapshot review) {
		boolean own = viewer.map(person -> person.id() == review.authorId()).orElse(false);
		if (own) {
			return true;
		}
		if (review.hidden()) {
			return false;
		}
		if (review.blocked() && !viewer.map(Person::admin).orElse(false)) {
			return false;
		}
		return !review.studentsOnly() || viewer.map(Person::isStudent).orElse(false);
	}

	/** Whether the viewer may learn who wrote it. */
	public static boolean authorShownTo(Optional<Person> viewer, boolean anonymous, long authorId) {
		return !anonymous || viewer.map(person -> person.admin() || person.id() == authorId).orElse(false);
	}

}
