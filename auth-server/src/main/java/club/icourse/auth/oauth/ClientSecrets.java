package club.icourse.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import club.icourse.auth.system.Sha256;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are 256 random bits, so a fast one-way hash (SHA-256) stores them
 * safely; a slow password hash on every token request would cap the token endpoint at a
 * few requests per second per core.
 */
public final class ClientSecrets implements PasswordEncoder {

	static final String PREFIX = "{sha256}";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new secret to show the client's operator once. */
	public static String generate() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	@Override
	public String encode(CharSequence rawSecret) {
		return PREFIX + HexFormat.of().formatHex(Sha256.of(rawSecret.toString()));
	}

	@Override
	public boolean matches(CharSequence rawSecret, String stored) {
		if (rawSecret == null || stored == null || !stored.startsWith(PREFIX)) {
			return false;
		}
		return MessageDigest.isEqual(encode(rawSecret).getBytes(StandardCharsets.US_ASCII),
				stored.getBytes(StandardCharsets.US_ASCII));
	}

}
