package club.icourse.reviewapp.review;

import java.util.Arrays;
import java.util.Locale;

/** How a course's reviews are ordered. */
public enum ReviewSort {

	UPVOTES, NEWEST, OLDEST, RATING;

	public static ReviewSort of(String value) {
		return Arrays.stream(values())
			.filter(sort -> sort.name().equalsIgnoreCase(value == null ? "" : value.strip()))
			.findFirst()
			.orElse(UPVOTES);
	}

	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

}
