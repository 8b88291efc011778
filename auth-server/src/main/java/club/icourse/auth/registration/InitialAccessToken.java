package club.icourse.auth.registration;

import java.time.Instant;

/**
 * An initial access token as the console lists it (never its value, which is shown once).
 *
 * @param ownerSubject the account that owns every client registered with it
 * @param issuedBy the actor id of who issued it (an administrator, an admin API client,
 * or the owner in the developer portal)
 * @param maxUses how many registrations it opens; {@code null} for no limit before it
 * expires
 * @param approveAtOnce its registrations need no approval (an administrator's decision,
 * for conformance runs)
 * @param withoutPkce its confidential clients may skip PKCE (the legacy exception, also
 * an administrator's decision)
 */
public record InitialAccessToken(long id, String ownerSubject, String issuedBy, Instant issuedAt, Instant expiresAt,
		Integer maxUses, int uses, boolean approveAtOnce, boolean withoutPkce, String note, Instant revokedAt) {

	public boolean usableAt(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now) && (maxUses == null || uses < maxUses);
	}

}
