package club.icourse.auth.account;

import java.time.Instant;

/**
 * A way to sign in that the account holds besides its password, as administration sees
 * it.
 *
 * @param id names it among the account's factors ({@code totp}, {@code recovery-codes},
 * {@code passkey-<credential id>})
 * @param kind {@code totp}, {@code recovery-codes} or {@code passkey}
 * @param name the person's name for it (a passkey's); null for the others
 * @param addedAt when it was set up; null when not known
 * @param unused how many recovery codes are left; null for the others
 */
public record AccountFactor(String id, String kind, String name, Instant addedAt, Integer unused) {

	/** For the audit log: the kind, with the name or the count when there is one. */
	String description() {
		return kind + (name == null ? "" : " \"" + name + "\"") + (unused == null ? "" : " (" + unused + " unused)");
	}

}
