package club.icourse.auth.totp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords over RFC 4226's HOTP: the HMAC of the number of
 * 30-second steps since the epoch, dynamically truncated to a few decimal digits. Secrets
 * travel as unpadded Base32 (RFC 4648), as authenticator apps read them.
 */
public final class Totp {

	/** Every authenticator app's defaults, as the otpauth:// URI states them. */
	public static final int DIGITS = 6;

	public static final long STEP_SECONDS = 30;

	public static final String ALGORITHM = "HmacSHA1";

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	private Totp() {
	}

	/** The time step an instant falls in. */
	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of a step, as the person's app shows it. */
	public static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS, ALGORITHM);
	}

	/** RFC 4226 section 5.3, with the HMAC and the length RFC 6238 allows. */
	public static String code(byte[] secret, long step, int digits, String hmacAlgorithm) {
		try {
			Mac mac = Mac.getInstance(hmacAlgorithm);
			mac.init(new SecretKeySpec(secret, hmacAlgorithm));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
			return "0".repeat(digits - code.length()) + code;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java runtime has " + hmacAlgorithm, e);
		}
	}

	public static String base32(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				text.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1f));
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(BASE32.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return text.toString();
	}

	/** Base32 as people type it: any case, spaces and padding ignored. */
	public static byte[] fromBase32(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == ' ' || c == '=' || c == '-') {
				continue;
			}
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32: " + c);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bytes.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return bytes.toByteArray();
	}

}
