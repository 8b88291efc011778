package club.icourse.auth.developers;

import java.time.Instant;

/**
 * An app registered by a person, as the portal, the console and the consent page see it.
 *
 * @param decidedBy the name of the administrator who decided, when one did
 * @param logoVersion 0 while the app has no logo; part of the logo's address
 */
public record DeveloperApp(String clientId, String name, long ownerAccountId, String ownerUsername, AppStatus status,
		String decisionReason, Instant decidedAt, String decidedBy, AppMetadata metadata, int logoVersion,
		Instant createdAt) {

	public boolean hasLogo() {
		return logoVersion > 0;
	}

	/** The address the logo is served at (changing with every new logo). */
	public String logoPath() {
		return DeveloperApps.LOGO_PATH.replace("{clientId}", clientId) + "?v=" + logoVersion;
	}

}
