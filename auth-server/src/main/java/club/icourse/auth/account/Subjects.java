package club.icourse.auth.account;

import java.security.SecureRandom;

/**
 * New public identifiers: 128 random bits in lower-case base32 (26 characters), unrelated
 * to anything personal.
 */
final class Subjects {

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Subjects() {
	}

	static String next() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		StringBuilder subject = new StringBuilder(26);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				subject.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			subject.append(ALPHABET[(buffer << (5 - bits)) & 31]);
		}
		return subject.toString();
	}

}
