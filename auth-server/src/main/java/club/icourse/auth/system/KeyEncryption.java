package club.icourse.auth.system;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest (signing keys, TOTP secrets): a random 96-bit nonce
 * followed by the ciphertext and its tag.
 */
public final class KeyEncryption {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final String base64Secret;

	private final SecureRandom random = new SecureRandom();

	public KeyEncryption(String base64Secret) {
		if (base64Secret == null || base64Secret.isBlank()) {
			throw new IllegalStateException(
					"Set icourse.oidc.key-encryption-secret (KEY_ENCRYPTION_SECRET) to base64 of "
							+ "32 random bytes, e.g. `openssl rand -base64 32`; every instance needs the same one.");
		}
		byte[] secret = Base64.getDecoder().decode(base64Secret.strip());
		if (secret.length != 32) {
			throw new IllegalStateException(
					"icourse.oidc.key-encryption-secret must be 32 bytes (base64), not " + secret.length);
		}
		this.key = new SecretKeySpec(secret, "AES");
		this.base64Secret = base64Secret.strip();
	}

	/** The configured secret, validated, for deriving other stable secrets from it. */
	public String secretForDerivation() {
		return base64Secret;
	}

	public byte[] encrypt(byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not encrypt a secret", e);
		}
	}

	public byte[] decrypt(byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not decrypt a secret: is icourse.oidc.key-encryption-secret the one "
					+ "it was stored with?", e);
		}
	}

}
