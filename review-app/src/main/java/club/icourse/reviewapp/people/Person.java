package club.icourse.reviewapp.people;

import club.icourse.shared.Affiliation;
import java.io.Serializable;

/**
 * Someone who signed in here through iCourse ID, known by (issuer, subject).
 *
 * @param affiliation student or teacher, as the identity provider asserts; null when it
 * did not say
 */
public record Person(long id, String username, Affiliation affiliation, boolean admin) implements Serializable {

	public boolean isStudent() {
		return affiliation == Affiliation.STUDENT;
	}
}
