package club.icourse.auth.oauth;

import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The answer of the revocation endpoint (200, as RFC 7009 asks), after the revocation is
 * written to the audit log under the client that asked for it.
 */
final class AuditedRevocation implements AuthenticationSuccessHandler {

	private final AuditLog audit;

	AuditedRevocation(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication revoked) {
		if (revoked.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) {
			audit.record(Actor.client(client.getRegisteredClient().getClientId()), "token.revoked",
					client.getRegisteredClient().getClientId(), null);
		}
		response.setStatus(HttpServletResponse.SC_OK);
	}

}
