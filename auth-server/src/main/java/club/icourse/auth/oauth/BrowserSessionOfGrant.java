package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * The browser session a person authorized a site in, kept with the grant as the
 * {@code sid} its ID tokens carry (OpenID Connect Front-/RP-Initiated Logout compare it
 * with the session that asks to log out). Recorded while the browser's own request saves
 * the grant, so that the code exchange needs no session lookup at all. Only the hash is
 * stored: a session id is a credential.
 */
final class BrowserSessionOfGrant {

	static final String SID = "icourse.sid";

	private static final String SID_CLAIM = "sid";

	private BrowserSessionOfGrant() {
	}

	/** The grant, with the sid of the current browser session if it has none yet. */
	static OAuth2Authorization bind(OAuth2Authorization authorization) {
		if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())
				|| authorization.getAttribute(SID) != null) {
			return authorization;
		}
		HttpSession session = CurrentBrowserSession.current();
		if (session == null) {
			return authorization;
		}
		return OAuth2Authorization.from(authorization).attribute(SID, sid(session.getId())).build();
	}

	/**
	 * The ID token of a code exchange: the sid of the grant's browser session, and as
	 * authentication time (unless a sign-in factor already gave one) the moment that
	 * session authorized, as the framework did from the session's last request.
	 */
	static void addTo(JwtEncodingContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		sidOf(authorization).ifPresent(sid -> context.getClaims().claim(SID_CLAIM, sid));
		OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization == null ? null
				: authorization.getToken(OAuth2AuthorizationCode.class);
		if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType()) && code != null
				&& code.getToken().getIssuedAt() != null) {
			context.getClaims()
				.claims(claims -> claims.putIfAbsent(IdTokenClaimNames.AUTH_TIME,
						Date.from(code.getToken().getIssuedAt())));
		}
	}

	static Optional<String> sidOf(OAuth2Authorization authorization) {
		return Optional.ofNullable(authorization == null ? null : authorization.getAttribute(SID));
	}

	/** As the framework computes it: base64url of the SHA-256 of the session id. */
	static String sid(String sessionId) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

}
