package club.icourse.reviewapp.course;

import java.util.Arrays;
import java.util.Locale;

/** How course lists are ordered. */
public enum CourseSort {

	RATING, REVIEWS, RECENT;

	public static CourseSort of(String value) {
		return Arrays.stream(values())
			.filter(sort -> sort.name().equalsIgnoreCase(value == null ? "" : value.strip()))
			.findFirst()
			.orElse(RATING);
	}

	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

}
