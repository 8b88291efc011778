package club.icourse.reviewapp.people;

import club.icourse.db.review.tables.Person;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A person's name as pages show it: their username, or null for a person whose account
 * was deleted at iCourse ID (their row keeps {@code deleted-<id>} only so that it stays
 * unique), whom pages call "deleted user" ({@code person.deleted}) and never link.
 */
public final class ShownNames {

	private ShownNames() {
	}

	/** In place of {@code person.USERNAME} in a query; works on an aliased table too. */
	public static Field<String> of(Person person) {
		return DSL.when(person.DELETED_AT.isNull(), person.USERNAME);
	}

}
