package club.icourse.auth.ratelimit;

import java.util.Locale;

/**
 * The limits of this server, each counted per key (an address, a sign-in name...). Sizes
 * come from configuration.
 */
public enum RateLimit {

	SIGN_IN_IP, SIGN_IN_ACCOUNT, REGISTRATION_IP, MAIL_ADDRESS, MAIL_IP, AVAILABILITY_IP;

	/** The name under {@code icourse.rate-limits.limits}, e.g. {@code sign-in-ip}. */
	String propertyName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
