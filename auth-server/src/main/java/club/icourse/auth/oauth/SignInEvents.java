package club.icourse.auth.oauth;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Publishes {@link ClientSignedIn} for every ID token issued to a third-party client for
 * an authorization code (first-party sign-ins are not counted: nobody reads those counts,
 * and the token path's SQL budget has no room for them).
 */
final class SignInEvents implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final ApplicationEventPublisher events;

	SignInEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
				&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
				&& !Boolean.TRUE
					.equals(context.getRegisteredClient().getClientSettings().getSetting(ClientOptions.FIRST_PARTY))) {
			events.publishEvent(new ClientSignedIn(context.getRegisteredClient().getClientId()));
		}
	}

}
