package club.icourse.reviewapp.courseinfo;

import java.util.Arrays;
import java.util.Optional;

/**
 * What people edit: a course (its introduction and homepage) or a teacher (description
 * and homepage).
 */
public enum InfoSubject {

	COURSE("course", "courses"), TEACHER("teacher", "teachers");

	private final String value;

	private final String path;

	InfoSubject(String value, String path) {
		this.value = value;
		this.path = path;
	}

	public String value() {
		return value;
	}

	/** The first segment of the subject's pages: /courses/1, /teachers/2. */
	public String path() {
		return path;
	}

	public static Optional<InfoSubject> ofPath(String path) {
		return Arrays.stream(values()).filter(subject -> subject.path.equals(path)).findFirst();
	}

}
