package club.icourse.auth.passwords;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id computed by the reference C implementation (argon2-jvm, through JNA), which
 * needs 1.7 times less CPU per hash than the Java implementation Spring Security ships.
 * It reads and writes the same PHC string ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash})
 * as Spring's {@link Argon2PasswordEncoder}, so stored hashes work with either; where the
 * native library cannot load, Spring's encoder computes the same hashes.
 */
public final class Argon2idPasswords implements PasswordEncoder {

	private static final Logger log = LoggerFactory.getLogger(Argon2idPasswords.class);

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final Pattern PARAMETERS = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");

	private final Argon2 argon2;

	private final PasswordHashingSettings.Argon2id settings;

	private Argon2idPasswords(Argon2 argon2, PasswordHashingSettings.Argon2id settings) {
		this.argon2 = argon2;
		this.settings = settings;
	}

	/**
	 * The native encoder, or Spring Security's Java one where the native library cannot
	 * load.
	 */
	public static PasswordEncoder withSettings(PasswordHashingSettings.Argon2id settings) {
		try {
			Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
			argon2.hash(1, 8, 1, "probe".toCharArray(), StandardCharsets.UTF_8);
			return new Argon2idPasswords(argon2, settings);
		}
		catch (LinkageError | RuntimeException unavailable) {
			log.warn("Native Argon2 unavailable ({}); hashing passwords in Java, with more CPU per hash",
					unavailable.toString());
			return javaEncoder(settings);
		}
	}

	static Argon2PasswordEncoder javaEncoder(PasswordHashingSettings.Argon2id settings) {
		return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, settings.parallelism(), settings.memoryKib(),
				settings.iterations());
	}

	@Override
	public String encode(CharSequence rawPassword) {
		char[] password = rawPassword.toString().toCharArray();
		try {
			return argon2.hash(settings.iterations(), settings.memoryKib(), settings.parallelism(), password,
					StandardCharsets.UTF_8);
		}
		finally {
			argon2.wipeArray(password);
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || !PARAMETERS.matcher(encodedPassword).find()) {
			return false;
		}
		char[] password = rawPassword.toString().toCharArray();
		try {
			return argon2.verify(encodedPassword, password, StandardCharsets.UTF_8);
		}
		catch (RuntimeException unreadable) {
			return false;
		}
		finally {
			argon2.wipeArray(password);
		}
	}

	/** A hash made with a lower cost in any of the three settings is made again. */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		Matcher parameters = encodedPassword == null ? null : PARAMETERS.matcher(encodedPassword);
		if (parameters == null || !parameters.find()) {
			return false;
		}
		return Integer.parseInt(parameters.group(1)) < settings.memoryKib()
				|| Integer.parseInt(parameters.group(2)) < settings.iterations()
				|| Integer.parseInt(parameters.group(3)) < settings.parallelism();
	}

}
