package club.icourse.auth.registration;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.oauth.TestSite;
import club.icourse.auth.oauth.ThirdPartySignIn;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a client may register beyond the console's fields, end to end: a
 * {@code sector_identifier_uri} (checked against the document it names, and the sector of
 * pairwise subjects), signed UserInfo, and {@code offline_access} in its scope. Found
 * missing by the OpenID Foundation's Dynamic OP plan (docs/conformance.md).
 */
@AuthServerTest
class RegistrationOptionsTest {

	@LocalServerPort
	int port;

	@Autowired
	InitialAccessTokens tokens;

	@Autowired
	DSLContext dsl;

	@Autowired
	ClientRegistry registry;

	private final HttpClient http = HttpClient.newHttpClient();

	private Person owner;

	private String initial;

	private HttpServer documents;

	@BeforeEach
	void ownerAndDocuments() throws Exception {
		owner = TestAccounts.registerAndConfirm(port);
		String subject = dsl.select(ACCOUNT.SUBJECT)
			.from(ACCOUNT)
			.where(ACCOUNT.EMAIL.eq(owner.email()))
			.fetchSingle()
			.value1();
		initial = tokens
			.issue(new InitialAccessTokens.Request(subject, Duration.ofHours(1), null, true, false, "test"),
					Actor.SYSTEM)
			.value();
		documents = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		serve("/sector.json", "[\"https://a.example/cb\", \"https://b.example/cb\"]");
		serve("/not-json", "<html>");
		documents.start();
	}

	@AfterEach
	void stopDocuments() {
		documents.stop(0);
	}

	private void serve(String path, String body) {
		documents.createContext(path, exchange -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
	}

	private String document(String path) {
		return "http://127.0.0.1:" + documents.getAddress().getPort() + path;
	}

	@Test
	void sitesOfOneSectorSeeOneSubjectAndTheDocumentMustListTheirRedirectUris() throws Exception {
		Map<String, Object> a = register("""
				{"redirect_uris": ["https://a.example/cb"], "sector_identifier_uri": "%s"}"""
			.formatted(document("/sector.json")));
		assertThat(a).containsEntry("sector_identifier_uri", document("/sector.json"));
		Map<String, Object> b = register("""
				{"redirect_uris": ["https://b.example/cb"], "sector_identifier_uri": "%s"}"""
			.formatted(document("/sector.json")));
		Map<String, Object> c = register("""
				{"redirect_uris": ["https://c.example/cb"]}""");

		String subjectAtA = subject(signIn(a));
		assertThat(subject(signIn(b))).as("one sector: the sector identifier URI's host").isEqualTo(subjectAtA);
		assertThat(subject(signIn(c))).as("another sector").isNotEqualTo(subjectAtA);

		String aId = (String) a.get("client_id");
		ClientDefinition d = registry.find(aId).orElseThrow().definition();
		registry.update(aId,
				new ClientDefinition(aId, "Renamed in the console", d.confidential(), d.firstParty(), d.redirectUris(),
						d.postLogoutRedirectUris(), d.backchannelLogoutUri(), d.scopes(), d.clientCredentials(),
						d.accessTokenLifetime(), d.refreshTokenLifetime(), d.idTokenAlgorithm(), d.withoutPkce(),
						d.resourceServer(), d.keys()),
				Actor.SYSTEM);
		assertThat(registry.find(aId).orElseThrow().definition().options().sectorIdentifierUri())
			.as("the console does not show it, and its edit keeps it")
			.isEqualTo(document("/sector.json"));
		assertThat(subject(signIn(a))).isEqualTo(subjectAtA);

		assertRefused("""
				{"redirect_uris": ["https://c.example/cb"], "sector_identifier_uri": "%s"}"""
			.formatted(document("/sector.json")), "does not list the redirect URI https://c.example/cb");
		assertRefused("""
				{"redirect_uris": ["https://a.example/cb"], "sector_identifier_uri": "%s"}"""
			.formatted(document("/not-json")), "could not be read as a JSON array");
		assertRefused("""
				{"redirect_uris": ["https://a.example/cb"], "sector_identifier_uri": "%s"}"""
			.formatted(document("/missing")), "could not be read as a JSON array");
		assertRefused("""
				{"redirect_uris": ["https://a.example/cb"], "sector_identifier_uri": "https://10.1.2.3/s.json"}""",
				"is not on a public address");
		assertRefused("""
				{"redirect_uris": ["https://a.example/cb"], "sector_identifier_uri": "http://sector.example/s.json"}""",
				"not an https address");
	}

	/**
	 * The provider fetches a client's keys from its jwks_uri at each of its sign-ins, so
	 * the address must be public like a sector identifier's: anyone can issue themselves
	 * an initial access token.
	 */
	@Test
	void aJwksUriInsideTheProvidersNetworkIsRefused() throws Exception {
		for (String inside : new String[] { "https://10.1.2.3/jwks.json", "https://169.254.169.254/latest/keys",
				"https://[fd00::1]/jwks.json" }) {
			assertRefused("""
					{"grant_types": ["client_credentials"], "token_endpoint_auth_method": "private_key_jwt",
					 "jwks_uri": "%s"}""".formatted(inside), "jwks_uri: " + inside + " is not on a public address");
		}
	}

	@Test
	void aClientThatAsksForSignedUserInfoGetsAJwtSignedByTheProvider() throws Exception {
		Map<String, Object> client = register("""
				{"redirect_uris": ["https://a.example/cb"], "userinfo_signed_response_alg": "RS256",
				 "scope": "openid profile email school offline_access"}""");
		assertThat(client).containsEntry("userinfo_signed_response_alg", "RS256")
			.as("offline_access: refresh tokens come with the code")
			.containsEntry("scope", "email openid profile school");
		OIDCTokenResponse tokens = signIn(client);

		HttpResponse<String> userInfo = http.send(HttpRequest.newBuilder(url("/userinfo"))
			.header("Authorization", "Bearer " + tokens.getOIDCTokens().getAccessToken().getValue())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(userInfo.statusCode()).isEqualTo(200);
		assertThat(userInfo.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/jwt"));
		SignedJWT jwt = SignedJWT.parse(userInfo.body());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		RSAKey key = JWKSet.load(url("/oauth2/jwks").toURL()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly((String) client.get("client_id"));
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:" + port);
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(subject(tokens));
		assertThat(jwt.getJWTClaimsSet().getClaims()).containsKey("preferred_username");

		assertRefused("""
				{"redirect_uris": ["https://a.example/cb"], "userinfo_signed_response_alg": "none"}""",
				"userinfo_signed_response_alg");
	}

	private OIDCTokenResponse signIn(Map<String, Object> client) throws Exception {
		@SuppressWarnings("unchecked")
		String callback = ((List<String>) client.get("redirect_uris")).get(0);
		return ThirdPartySignIn.signInAllowing(port, TestSite.registered((String) client.get("client_id"),
				(String) client.get("client_secret"), port, URI.create(callback)), owner);
	}

	private static String subject(OIDCTokenResponse tokens) throws Exception {
		return tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
	}

	private Map<String, Object> register(String body) throws Exception {
		HttpResponse<String> registered = post(body);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		return JSONObjectUtils.parse(registered.body());
	}

	private void assertRefused(String body, String description) throws Exception {
		HttpResponse<String> refused = post(body);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		Map<String, Object> answer = JSONObjectUtils.parse(refused.body());
		assertThat(answer).containsEntry("error", "invalid_client_metadata");
		assertThat((String) answer.get("error_description")).contains(description);
	}

	private HttpResponse<String> post(String body) throws Exception {
		return http.send(HttpRequest.newBuilder(url("/connect/register"))
			.header("Authorization", "Bearer " + initial)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
