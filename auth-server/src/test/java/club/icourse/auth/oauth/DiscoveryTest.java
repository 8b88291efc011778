package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The discovery document tells the truth field by field, and what it leaves out is
 * refused when a client tries it anyway.
 */
@AuthServerTest
class DiscoveryTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void discoveryListsWhatIsServedAndNothingElse() throws Exception {
		Map<String, Object> metadata = JSONObjectUtils.parse(http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/.well-known/openid-configuration"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body());
		assertThat(JSONObjectUtils.getStringList(metadata, "scopes_supported")).containsExactlyInAnyOrder("openid",
				"profile", "email", "school", "reviews.read", "reviews.write", "offline_access");
		assertThat(JSONObjectUtils.getStringList(metadata, "claims_supported")).contains("sub", "name",
				"preferred_username", "email", "email_verified", "school", "affiliation", "acr", "amr", "auth_time",
				"sid");
		assertThat(JSONObjectUtils.getStringList(metadata, "userinfo_signing_alg_values_supported"))
			.containsExactly("RS256", "ES256");
		assertThat(JSONObjectUtils.getStringList(metadata, "subject_types_supported"))
			.containsExactlyInAnyOrder("public", "pairwise");
		assertThat(JSONObjectUtils.getStringList(metadata, "acr_values_supported"))
			.containsExactly(AuthenticationMethods.SINGLE_FACTOR, AuthenticationMethods.MULTI_FACTOR);
		assertThat(JSONObjectUtils.getStringList(metadata, "grant_types_supported"))
			.containsExactlyInAnyOrder("authorization_code", "refresh_token", "client_credentials");
		for (String methods : new String[] { "token_endpoint_auth_methods_supported",
				"revocation_endpoint_auth_methods_supported", "introspection_endpoint_auth_methods_supported" }) {
			assertThat(JSONObjectUtils.getStringList(metadata, methods)).as(methods)
				.containsExactlyInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
		}
		assertThat(JSONObjectUtils.getStringList(metadata, "token_endpoint_auth_signing_alg_values_supported"))
			.containsExactlyInAnyOrder("RS256", "PS256", "ES256");
		assertThat((String) metadata.get("registration_endpoint")).endsWith("/connect/register");
		assertThat(metadata).containsEntry("claims_parameter_supported", true)
			.containsEntry("request_parameter_supported", false)
			.containsEntry("request_uri_parameter_supported", false)
			.doesNotContainKeys("dpop_signing_alg_values_supported", "tls_client_certificate_bound_access_tokens");
		assertThat(JSONObjectUtils.getStringList(metadata, "code_challenge_methods_supported")).containsExactly("S256");
	}

	@Test
	void theTokenExchangeGrantAndDpopAreRefused() throws Exception {
		TestSite site = new TestSite(clients, port);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((site.clientId + ":" + site.secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> exchange = http.send(HttpRequest.newBuilder(site.endpoint("/oauth2/token"))
			.header("Authorization", basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=urn:ietf:params:oauth:grant-type:token-exchange"
					+ "&subject_token=abc&subject_token_type=urn:ietf:params:oauth:token-type:access_token"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(exchange.statusCode()).isEqualTo(400);
		assertThat(exchange.body()).containsAnyOf("unauthorized_client", "unsupported_grant_type");

		HttpResponse<String> dpop = http.send(HttpRequest.newBuilder(site.endpoint("/oauth2/token"))
			.header("Authorization", basic)
			.header("DPoP", "eyJ0eXAiOiJkcG9wK2p3dCJ9.e30.c2ln")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x&redirect_uri="
					+ TestSite.CALLBACK + "&code_verifier=" + "a".repeat(43)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(dpop.statusCode()).isEqualTo(400);
		assertThat(dpop.body()).contains("DPoP is not supported");
	}

}
