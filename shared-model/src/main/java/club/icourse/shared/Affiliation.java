package club.icourse.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person is at their school, as proven by the domain of their university mailbox. */
public enum Affiliation {
    STUDENT,
    TEACHER;

    /** The value of the {@code affiliation} claim. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The affiliation a claim value names; empty for anything else, since claims come from outside. */
    public static Optional<Affiliation> fromClaimValue(String value) {
        return Arrays.stream(values()).filter(affiliation -> affiliation.claimValue().equals(value)).findFirst();
    }
}
