package club.icourse.auth.passkeys;

import java.time.Instant;

/**
 * One of a person's passkeys, as the account page lists it.
 *
 * @param id the credential id, base64url
 * @param lastUsed when it last signed the person in; {@code null}: not yet
 * @param synced whether its provider may copy it to the person's other devices
 */
public record Passkey(String id, String name, Instant created, Instant lastUsed, boolean synced) {
}
