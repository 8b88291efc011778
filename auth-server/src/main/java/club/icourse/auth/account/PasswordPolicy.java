package club.icourse.auth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B: long enough, not absurdly long, not a commonly used password, not the
 * person's own name; no composition rules.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;
	static final int MAX_LENGTH = 128;

	enum Problem {

		TOO_SHORT, TOO_LONG, COMMON, PERSONAL, CONTROL_CHARACTER;

		String messageKey() {
			return "password." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load(new ClassPathResource("account/common-passwords.txt"));
	}

	/**
	 * The first rule the password breaks, if any; {@code personal} are words of the
	 * person (username, mailbox).
	 */
	Optional<Problem> check(String password, String... personal) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of(Problem.TOO_SHORT);
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			return Optional.of(Problem.TOO_LONG);
		}
		if (password.codePoints().anyMatch(Character::isISOControl)) {
			return Optional.of(Problem.CONTROL_CHARACTER);
		}
		String lowerCase = password.toLowerCase(Locale.ROOT);
		if (common.contains(lowerCase)) {
			return Optional.of(Problem.COMMON);
		}
		for (String word : personal) {
			if (word != null && !word.isBlank() && lowerCase.equals(word.toLowerCase(Locale.ROOT))) {
				return Optional.of(Problem.PERSONAL);
			}
		}
		return Optional.empty();
	}

	private static Set<String> load(ClassPathResource list) {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(passwords::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Missing list of common passwords " + list, e);
		}
		return Set.copyOf(passwords);
	}

}
