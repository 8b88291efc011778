package club.icourse.reviewapp.api;

import club.icourse.reviewapp.review.ReviewListing.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Cursors: opaque to the caller, and each names the kind of list it belongs to and where
 * that list stopped in its fixed order (reviews newest first by creation time and id;
 * courses and notifications by id), so a list read part by part neither skips nor repeats
 * while items are added. Anything this API did not hand out is a 400.
 */
final class Cursors {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private static final String REVIEWS = "r";

	private static final String COURSES = "c";

	private static final String NOTIFICATIONS = "n";

	private Cursors() {
	}

	static int limit(Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw new ApiProblemException(ApiProblem.BAD_LIMIT);
		}
		return requested;
	}

	static String ofReview(Position position) {
		return encode(REVIEWS,
				position.createdAt().getEpochSecond() + "." + position.createdAt().getNano() + "." + position.id());
	}

	/** Null when the list starts from the beginning. */
	static Position review(String cursor) {
		String value = decode(REVIEWS, cursor);
		if (value == null) {
			return null;
		}
		String[] parts = value.split("\\.");
		try {
			if (parts.length == 3) {
				return new Position(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
						Long.parseLong(parts[2]));
			}
		}
		catch (RuntimeException e) {
			// Falls through to the refusal below.
		}
		throw new ApiProblemException(ApiProblem.BAD_CURSOR);
	}

	static String ofCourse(long courseId) {
		return encode(COURSES, Long.toString(courseId));
	}

	/** 0 when the list starts from the beginning. */
	static long course(String cursor) {
		return id(decode(COURSES, cursor), 0L);
	}

	static String ofNotification(long notificationId) {
		return encode(NOTIFICATIONS, Long.toString(notificationId));
	}

	/** Null when the list starts from the newest. */
	static Long notification(String cursor) {
		return id(decode(NOTIFICATIONS, cursor), null);
	}

	private static Long id(String value, Long start) {
		if (value == null) {
			return start;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new ApiProblemException(ApiProblem.BAD_CURSOR);
		}
	}

	private static String encode(String kind, String position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String kind, String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw new ApiProblemException(ApiProblem.BAD_CURSOR);
		}
		if (!text.startsWith(kind + ":")) {
			throw new ApiProblemException(ApiProblem.BAD_CURSOR);
		}
		return text.substring(kind.length() + 1);
	}

}
