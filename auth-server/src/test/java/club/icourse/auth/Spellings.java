package club.icourse.auth;

/** Other ways of typing one name, as someone dodging a per-name limit would. */
public final class Spellings {

	private Spellings() {
	}

	/**
	 * Every printable ASCII character as its full-width form ({@code b} as {@code ｂ}).
	 */
	public static String fullWidth(String ascii) {
		StringBuilder wide = new StringBuilder();
		ascii.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
		return wide.toString();
	}

}
