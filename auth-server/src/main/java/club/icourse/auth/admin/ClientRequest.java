package club.icourse.auth.admin;

import club.icourse.auth.clients.ClientDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A client as the admin API reads and writes it. On update every field is replaced; a
 * field left out takes its default (confidential, no URIs, the scopes people grant,
 * 10-minute access tokens, 30-day refresh tokens, RS256, PKCE required, not a resource
 * server).
 */
record ClientRequest(String clientId, String name, Boolean confidential, Boolean firstParty, List<String> redirectUris,
		List<String> postLogoutRedirectUris, String backchannelLogoutUri, Set<String> scopes, Boolean clientCredentials,
		Long accessTokenMinutes, Long refreshTokenDays, String idTokenAlgorithm, Boolean withoutPkce,
		Boolean resourceServer) {

	ClientDefinition toDefinition(String fixedClientId) {
		return new ClientDefinition(fixedClientId != null ? fixedClientId : clientId, name,
				confidential == null || confidential, Boolean.TRUE.equals(firstParty), redirectUris,
				postLogoutRedirectUris, backchannelLogoutUri,
				scopes == null ? Set.copyOf(ClientDefinition.SIGN_IN_SCOPES) : scopes,
				Boolean.TRUE.equals(clientCredentials),
				accessTokenMinutes == null ? null : Duration.ofMinutes(accessTokenMinutes),
				refreshTokenDays == null ? null : Duration.ofDays(refreshTokenDays), idTokenAlgorithm,
				Boolean.TRUE.equals(withoutPkce), Boolean.TRUE.equals(resourceServer));
	}

	static ClientRequest of(ClientDefinition client) {
		return new ClientRequest(client.clientId(), client.name(), client.confidential(), client.firstParty(),
				client.redirectUris(), client.postLogoutRedirectUris(), client.backchannelLogoutUri(), client.scopes(),
				client.clientCredentials(), client.accessTokenLifetime().toMinutes(),
				client.refreshTokenLifetime().toDays(), client.idTokenAlgorithm(), client.withoutPkce(),
				client.resourceServer());
	}
}
