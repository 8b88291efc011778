package club.icourse.auth.totp;

import static club.icourse.db.auth.Tables.RECOVERY_CODE;

import club.icourse.auth.system.KeyEncryption;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * Ten one-time codes for when the authenticator is lost. Each is 50 random bits, shown
 * once as {@code xxxxx-xxxxx}; only its HMAC is stored, keyed with a secret derived from
 * the key-encryption secret, so a copy of the database alone cannot be searched for them.
 */
@Repository
class RecoveryCodes {

	static final int COUNT = 10;

	private static final int LENGTH = 10;

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private final DSLContext dsl;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	RecoveryCodes(DSLContext dsl, @Value("${icourse.oidc.key-encryption-secret:}") String keyEncryptionSecret) {
		this.dsl = dsl;
		byte[] derived = hmac(new SecretKeySpec(
				new KeyEncryption(keyEncryptionSecret).secretForDerivation().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"), "icourse recovery codes");
		this.key = new SecretKeySpec(derived, "HmacSHA256");
	}

	/** New codes in place of every earlier one; the only time they are seen in clear. */
	List<String> replace(long accountId, Instant now) {
		dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId)).execute();
		List<String> codes = new ArrayList<>();
		var insert = dsl.insertInto(RECOVERY_CODE, RECOVERY_CODE.ACCOUNT_ID, RECOVERY_CODE.CODE_HASH,
				RECOVERY_CODE.CREATED_AT);
		for (int i = 0; i < COUNT; i++) {
			String code = newCode();
			codes.add(code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2));
			insert = insert.values(accountId, hmac(key, code), utc(now));
		}
		insert.execute();
		return codes;
	}

	/** Uses up a code, once: false for a wrong code or one already used. */
	boolean use(long accountId, String typed, Instant now) {
		String code = normalized(typed);
		if (code.length() != LENGTH) {
			return false;
		}
		return dsl.update(RECOVERY_CODE)
			.set(RECOVERY_CODE.USED_AT, utc(now))
			.where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId))
			.and(RECOVERY_CODE.CODE_HASH.eq(hmac(key, code)))
			.and(RECOVERY_CODE.USED_AT.isNull())
			.execute() == 1;
	}

	int remaining(long accountId) {
		return dsl.fetchCount(RECOVERY_CODE,
				RECOVERY_CODE.ACCOUNT_ID.eq(accountId).and(RECOVERY_CODE.USED_AT.isNull()));
	}

	void forget(long accountId) {
		dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId)).execute();
	}

	/**
	 * Whether what was typed has the shape of a recovery code rather than a TOTP code.
	 */
	static boolean looksLikeOne(String typed) {
		return normalized(typed).length() == LENGTH;
	}

	private static String normalized(String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
		}
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
