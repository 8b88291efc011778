package club.icourse.reviewapp.course;

import java.util.List;

/** One page of a longer list; pages count from 1. */
public record Page<T>(List<T> items, int number, int size, int total) {

	public int pages() {
		return Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return number > 1;
	}

	public boolean hasNext() {
		return number < pages();
	}

	/**
	 * A page number from a request parameter: anything unreadable or out of range is the
	 * nearest valid page.
	 */
	public static int number(String requested) {
		try {
			return Math.max(1, Math.min(100_000, Integer.parseInt(requested == null ? "1" : requested.strip())));
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}
}
