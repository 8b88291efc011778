package club.icourse.auth.system;

/**
 * The mark of a sign-in by a synced passkey (one its provider may copy to the person's
 * other devices: WebAuthn's backup-eligible flag), beside Spring Security's WebAuthn
 * factor. Sign-in sets it; the ID token's {@code amr} then says {@code swk} rather than
 * {@code hwk}, the key being held by software that syncs rather than by one device.
 */
public final class SyncedPasskey {

	public static final String AUTHORITY = "PASSKEY_SYNCED";

	private SyncedPasskey() {
	}

}
