package club.icourse.testsupport.mariadb;

import java.util.regex.Pattern;

final class DatabaseNames {

	private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private DatabaseNames() {
	}

	/**
	 * Names are spliced into DDL (identifiers cannot be bound), so only plain ones are
	 * allowed.
	 */
	static String requireSafe(String name) {
		if (!SAFE.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		return name;
	}

}
