package club.icourse.auth.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param key ties remember-me authentications to this server; the cookie itself is
 * checked against the database, so a random key per start is enough, and instances need
 * not share it
 */
@ConfigurationProperties("icourse.sign-in.remember-me")
record RememberMeSettings(String key, @DefaultValue("30d") Duration validity) {

	RememberMeSettings {
		if (key == null || key.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			key = HexFormat.of().formatHex(random);
		}
	}
}
