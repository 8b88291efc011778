package club.icourse.auth.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class Argon2idPasswordsTest {

	private static final PasswordHashingSettings.Argon2id SETTINGS = new PasswordHashingSettings.Argon2id(7168, 5, 1);

	private final PasswordEncoder nativeEncoder = Argon2idPasswords.withSettings(SETTINGS);

	private final PasswordEncoder javaEncoder = Argon2idPasswords.javaEncoder(SETTINGS);

	@Test
	void theNativeLibraryLoadsHere() {
		assertThat(nativeEncoder).isInstanceOf(Argon2idPasswords.class);
	}

	@Test
	void hashesAreTheSameFormAsSpringSecuritysAndEachReadsTheOthers() {
		String hashedNatively = nativeEncoder.encode("correct horse");
		String hashedInJava = javaEncoder.encode("correct horse");

		assertThat(hashedNatively).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").hasSameSizeAs(hashedInJava);
		assertThat(javaEncoder.matches("correct horse", hashedNatively)).isTrue();
		assertThat(nativeEncoder.matches("correct horse", hashedInJava)).isTrue();
		assertThat(nativeEncoder.matches("correct horse",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("correct horse")))
			.as("the earlier settings, read from the hash")
			.isTrue();
	}

	@Test
	void aWrongPasswordOrAnUnreadableHashDoesNotMatch() {
		String hash = nativeEncoder.encode("correct horse");

		assertThat(nativeEncoder.matches("correct hors", hash)).isFalse();
		assertThat(nativeEncoder.matches("correct horse", hash.substring(0, hash.length() - 2))).isFalse();
		assertThat(nativeEncoder.matches("correct horse", "$argon2i$v=19$m=7168,t=5,p=1$c2FsdA$aGFzaA")).isFalse();
		assertThat(nativeEncoder.matches("correct horse", "not a hash")).isFalse();
		assertThat(nativeEncoder.matches("correct horse", null)).isFalse();
	}

	@Test
	void aHashOfLowerCostIsMadeAgain() {
		assertThat(nativeEncoder.upgradeEncoding(nativeEncoder.encode("x"))).isFalse();
		assertThat(nativeEncoder.upgradeEncoding(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("x")))
			.as("16 MiB but 2 passes")
			.isTrue();
		assertThat(nativeEncoder.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 4096, 5).encode("x"))).isTrue();
		assertThat(nativeEncoder.upgradeEncoding("not a hash")).isFalse();
	}

}
