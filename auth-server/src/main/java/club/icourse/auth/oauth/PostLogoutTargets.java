package club.icourse.auth.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Where a person may be sent after signing out: only to a post-logout redirect URI
 * registered, exactly, for the client the request identifies, with the site's
 * {@code state}. Anything else stays here.
 */
@Component
class PostLogoutTargets {

	private final RegisteredClientRepository clients;

	PostLogoutTargets(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	Optional<URI> target(String clientId, String postLogoutRedirectUri, String state) {
		if (!StringUtils.hasText(clientId) || !StringUtils.hasText(postLogoutRedirectUri)) {
			return Optional.empty();
		}
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null || !client.getPostLogoutRedirectUris().contains(postLogoutRedirectUri)) {
			return Optional.empty();
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(postLogoutRedirectUri);
		if (StringUtils.hasText(state)) {
			uri.queryParam("state", UriUtils.encode(state, StandardCharsets.UTF_8));
		}
		return Optional.of(URI.create(uri.build(true).toUriString()));
	}

	/** The client's name, for the confirmation page, if it is a known client. */
	Optional<String> clientName(String clientId) {
		if (!StringUtils.hasText(clientId)) {
			return Optional.empty();
		}
		RegisteredClient client = clients.findByClientId(clientId);
		return client == null ? Optional.empty() : Optional.of(client.getClientName());
	}

	boolean isRegistered(String clientId, String postLogoutRedirectUri) {
		RegisteredClient client = clients.findByClientId(clientId);
		return client != null && client.getPostLogoutRedirectUris().contains(postLogoutRedirectUri);
	}

}
