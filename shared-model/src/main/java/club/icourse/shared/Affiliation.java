package club.icourse.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person is at their school, as proven by the domain of their university mailbox.
 */
public enum Affiliation {

	STUDENT, TEACHER;

	/** The value of the {@code affiliation} claim: {@code student} or {@code teacher}. */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The affiliation an {@code affiliation} claim value names, matched exactly. Empty
	 * (rather than an exception) for anything else, since claims come from outside and
	 * callers must decide.
	 */
	public static Optional<Affiliation> fromClaimValue(String value) {
		return Arrays.stream(values()).filter(affiliation -> affiliation.claimValue().equals(value)).findFirst();
	}

}
