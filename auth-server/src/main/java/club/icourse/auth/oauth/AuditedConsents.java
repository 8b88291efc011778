package club.icourse.auth.oauth;

import club.icourse.auth.audit.Actor;
import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Consents as the framework keeps them, with every grant and withdrawal written to the
 * audit log.
 */
final class AuditedConsents implements OAuth2AuthorizationConsentService {

	private final OAuth2AuthorizationConsentService delegate;

	private final RegisteredClientRepository clients;

	private final AuditLog audit;

	private final Actors actors;

	AuditedConsents(OAuth2AuthorizationConsentService delegate, RegisteredClientRepository clients, AuditLog audit,
			Actors actors) {
		this.delegate = delegate;
		this.clients = clients;
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		delegate.save(consent);
		audit.record(person(consent), "consent.granted", clientId(consent),
				consent.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.sorted()
					.collect(Collectors.joining(" ")));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		delegate.remove(consent);
		audit.record(person(consent), "consent.withdrawn", clientId(consent), null);
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		// The authorization endpoint asks at every request, even for a client that never
		// asks for consent (a first-party one): nothing to read then.
		RegisteredClient client = clients.findById(registeredClientId);
		if (client != null && !client.getClientSettings().isRequireAuthorizationConsent()) {
			return null;
		}
		return delegate.findById(registeredClientId, principalName);
	}

	private Actor person(OAuth2AuthorizationConsent consent) {
		return actors.person(consent.getPrincipalName());
	}

	private String clientId(OAuth2AuthorizationConsent consent) {
		RegisteredClient client = clients.findById(consent.getRegisteredClientId());
		return client == null ? consent.getRegisteredClientId() : client.getClientId();
	}

}
