package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Introspection (RFC 7662 4) answers only the token's own client and registered resource
 * servers; any other client learns nothing.
 */
@AuthServerTest
class IntrospectionAccessTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void onlyTheTokensOwnClientAndResourceServersLearnAboutIt() throws Exception {
		TestSite owner = new TestSite(clients, port);
		TestSite stranger = new TestSite(clients, port);
		TestSite resourceServer = new TestSite(clients, port);
		RegisteredClient registered = clients.findByClientId(resourceServer.clientId);
		clients.save(RegisteredClient.from(registered)
			.clientSettings(ClientSettings.withSettings(registered.getClientSettings().getSettings())
				.setting(ClientOptions.RESOURCE_SERVER, true)
				.build())
			.build());
		AccessToken token = owner.signIn(TestAccounts.registerAndConfirm(port)).getOIDCTokens().getAccessToken();

		TokenIntrospectionSuccessResponse own = introspect(owner, token);
		assertThat(own.isActive()).isTrue();
		assertThat(own.getClientID().getValue()).isEqualTo(owner.clientId);

		TokenIntrospectionSuccessResponse strangers = introspect(stranger, token);
		assertThat(strangers.isActive()).isFalse();
		assertThat(strangers.toJSONObject()).as("nothing but active").containsOnlyKeys("active");

		assertThat(introspect(resourceServer, token).isActive()).isTrue();
	}

	private static TokenIntrospectionSuccessResponse introspect(TestSite asking, AccessToken token) throws Exception {
		TokenIntrospectionResponse response = TokenIntrospectionResponse
			.parse(new TokenIntrospectionRequest(asking.endpoint("/oauth2/introspect"), asking.authentication, token)
				.toHTTPRequest()
				.send());
		assertThat(response.indicatesSuccess()).isTrue();
		return response.toSuccessResponse();
	}

}
