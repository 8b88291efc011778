package club.icourse.auth.registration;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.CLIENT_REGISTRATION;
import static club.icourse.db.auth.Tables.REGISTRATION_INITIAL_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.developers.AppStatus;
import club.icourse.auth.developers.DeveloperApp;
import club.icourse.auth.developers.DeveloperApps;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dynamic client registration over real HTTP: register with an initial access token,
 * read, change and delete with the registration access token, and every refusal as RFC
 * 7591 3.2.2 and RFC 6750 name it.
 */
@AuthServerTest
class RegistrationEndpointTest {

	private static final String SITE = """
			{"client_name": "Timetable helper", "redirect_uris": ["https://timetable.example/cb"],
			 "logo_uri": "https://timetable.example/logo.png", "policy_uri": "https://timetable.example/privacy",
			 "tos_uri": "https://timetable.example/terms", "client_uri": "https://timetable.example/",
			 "contacts": ["dev@timetable.example"], "backchannel_logout_uri": "https://timetable.example/logout",
			 "id_token_signed_response_alg": "ES256", "scope": "openid profile",
			 "software_version": "ignored, not understood"}""";

	@LocalServerPort
	int port;

	@Autowired
	InitialAccessTokens tokens;

	@Autowired
	ClientRegistry registry;

	@Autowired
	AuditLog audit;

	@Autowired
	DeveloperApps apps;

	@Autowired
	DSLContext dsl;

	private final HttpClient http = HttpClient.newHttpClient();

	private String owner;

	@BeforeEach
	void owner() throws Exception {
		owner = subjectOf(TestAccounts.registerAndConfirm(port).email());
	}

	private String subjectOf(String email) {
		return dsl.select(ACCOUNT.SUBJECT).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchSingle().value1();
	}

	private long ownerId() {
		return dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.SUBJECT.eq(owner)).fetchSingle().value1();
	}

	@Test
	void aSiteRegistersReadsChangesAndDeletesItself() throws Exception {
		String initial = issue(null).value();

		HttpResponse<String> registered = call("POST", "/connect/register", initial, SITE);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat(registered.headers().firstValue("Cache-Control")).hasValue("no-store");
		Map<String, Object> client = JSONObjectUtils.parse(registered.body());
		String clientId = (String) client.get("client_id");
		assertThat(clientId).startsWith("app-");
		assertThat(client).containsEntry("client_name", "Timetable helper")
			.containsEntry("redirect_uris", List.of("https://timetable.example/cb"))
			.containsEntry("token_endpoint_auth_method", "client_secret_basic")
			.containsEntry("response_types", List.of("code"))
			.containsEntry("subject_type", "pairwise")
			.containsEntry("id_token_signed_response_alg", "ES256")
			.containsEntry("logo_uri", "https://timetable.example/logo.png")
			.containsEntry("tos_uri", "https://timetable.example/terms")
			.containsEntry("contacts", List.of("dev@timetable.example"))
			.containsEntry("backchannel_logout_session_required", true)
			.containsEntry("client_secret_expires_at", 0L)
			.containsEntry("registration_client_uri", "http://localhost:" + port + "/connect/register/" + clientId)
			.doesNotContainKey("software_version");
		assertThat((String) client.get("scope")).isEqualTo("openid profile");
		String secret = (String) client.get("client_secret");
		String access = (String) client.get("registration_access_token");
		assertThat(secret).hasSizeGreaterThan(40);
		assertThat(dsl.fetchValue(CLIENT_REGISTRATION.ACCESS_TOKEN_HASH, CLIENT_REGISTRATION.CLIENT_ID.eq(clientId)))
			.as("stored as a hash only")
			.isEqualTo(InitialAccessTokens.hash(access))
			.isNotEqualTo(access);
		assertThat(registry.find(clientId)).hasValueSatisfying(listing -> {
			assertThat(listing.definition().firstParty()).isFalse();
			assertThat(listing.definition().withoutPkce()).isFalse();
		});
		assertThat(audit.latest(clientId, null, 10)).extracting(AuditLog.Event::action)
			.contains("client.created", "client.registered");

		HttpResponse<String> read = call("GET", "/connect/register/" + clientId, access, null);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(read.body())).containsEntry("client_id", clientId)
			.containsEntry("logo_uri", "https://timetable.example/logo.png")
			.doesNotContainKey("client_secret")
			.doesNotContainKey("registration_access_token");
		assertThat(call("GET", "/connect/register/" + clientId, initial, null).statusCode())
			.as("the initial access token does not read a registration")
			.isEqualTo(401);

		HttpResponse<String> updated = call("PUT", "/connect/register/" + clientId, access, """
				{"client_id": "%s", "client_name": "Timetable", "redirect_uris": ["https://timetable.example/cb2"],
				 "token_endpoint_auth_method": "client_secret_post"}""".formatted(clientId));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(updated.body())).containsEntry("client_name", "Timetable")
			.containsEntry("redirect_uris", List.of("https://timetable.example/cb2"))
			.containsEntry("token_endpoint_auth_method", "client_secret_post")
			.doesNotContainKey("logo_uri");
		assertThat(registry.find(clientId).orElseThrow().definition().name()).isEqualTo("Timetable");
		assertThat(call("PUT", "/connect/register/" + clientId, access, """
				{"client_id": "someone-else", "redirect_uris": ["https://timetable.example/cb2"]}""").statusCode())
			.isEqualTo(400);

		assertThat(call("DELETE", "/connect/register/" + clientId, "not-the-token", null).statusCode()).isEqualTo(401);
		assertThat(call("DELETE", "/connect/register/" + clientId, access, null).statusCode()).isEqualTo(204);
		assertThat(registry.find(clientId)).as("deleted").isEmpty();
		assertThat(apps.find(clientId)).isEmpty();
		assertThat(call("GET", "/connect/register/" + clientId, access, null).statusCode()).isEqualTo(401);
	}

	@Test
	void registeredAppsFollowThePortalsApprovalRule() throws Exception {
		String pendingId = (String) JSONObjectUtils
			.parse(call("POST", "/connect/register", issue(null).value(), SITE).body())
			.get("client_id");
		DeveloperApp pending = apps.find(pendingId).orElseThrow();
		assertThat(pending.status()).isEqualTo(AppStatus.PENDING);
		assertThat(pending.ownerAccountId()).isEqualTo(ownerId());
		assertThat(pending.metadata().policyUri()).isEqualTo("https://timetable.example/privacy");
		assertThat(apps.mayUseBySubject(pendingId, owner)).as("the owner, while pending").isTrue();
		String stranger = subjectOf(TestAccounts.registerAndConfirm(port).email());
		assertThat(apps.mayUseBySubject(pendingId, stranger)).as("anyone else, while pending").isFalse();

		IssuedToken conformance = tokens.issue(
				new InitialAccessTokens.Request(owner, Duration.ofHours(1), null, true, true, "conformance run"),
				Actor.SYSTEM);
		String approvedId = (String) JSONObjectUtils
			.parse(call("POST", "/connect/register", conformance.value(), SITE).body())
			.get("client_id");
		assertThat(apps.find(approvedId).orElseThrow().status()).isEqualTo(AppStatus.APPROVED);
		assertThat(apps.mayUseBySubject(approvedId, stranger)).isTrue();
		assertThat(registry.find(approvedId).orElseThrow().definition().withoutPkce())
			.as("the issuer's exception, for a confidential client")
			.isTrue();
		assertThat(audit.latest(approvedId, null, 10)).extracting(AuditLog.Event::action)
			.contains("developer-app.registered", "developer-app.approved", "client.registered");
	}

	@Test
	void theRegisteredSecretGetsTokens() throws Exception {
		HttpResponse<String> registered = call("POST", "/connect/register", issue(null).value(), """
				{"grant_types": ["client_credentials"], "scope": "profile", "client_name": "Cron job"}""");
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		Map<String, Object> client = JSONObjectUtils.parse(registered.body());
		String basic = Base64.getEncoder()
			.encodeToString((client.get("client_id") + ":" + client.get("client_secret")).getBytes());
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(url("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=profile"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
	}

	@Test
	void aClientWithKeysAuthenticatesWithASignedAssertion() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		HttpResponse<String> registered = call("POST", "/connect/register", issue(null).value(), """
				{"grant_types": ["client_credentials"], "scope": "profile", "client_name": "Signed job",
				 "token_endpoint_auth_method": "private_key_jwt", "jwks": {"keys": [%s]}}"""
			.formatted(key.toPublicJWK().toJSONString()));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		Map<String, Object> client = JSONObjectUtils.parse(registered.body());
		assertThat(client).doesNotContainKey("client_secret")
			.containsEntry("token_endpoint_auth_method", "private_key_jwt")
			.containsEntry("token_endpoint_auth_signing_alg", "RS256")
			.containsKey("jwks");
		String clientId = (String) client.get("client_id");

		assertThat(tokenWithAssertion(clientId, key).statusCode()).isEqualTo(200);
		RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
		assertThat(tokenWithAssertion(clientId, other).statusCode()).as("signed by a key it did not register")
			.isEqualTo(401);

		assertRefused(issue(null), """
				{"grant_types": ["client_credentials"], "token_endpoint_auth_method": "private_key_jwt",
				 "jwks": {"keys": [%s]}}""".formatted(key.toJSONString()), "invalid_client_metadata");
		assertRefused(issue(null), """
				{"grant_types": ["client_credentials"], "token_endpoint_auth_method": "private_key_jwt"}""",
				"invalid_client_metadata");
	}

	private HttpResponse<String> tokenWithAssertion(String clientId, RSAKey key) throws Exception {
		PrivateKeyJWT assertion = new PrivateKeyJWT(new ClientID(clientId), url("/oauth2/token"), JWSAlgorithm.RS256,
				key.toRSAPrivateKey(), key.getKeyID(), null);
		String form = "grant_type=client_credentials&scope=profile&"
				+ URLUtils.serializeParameters(assertion.toParameters());
		return http.send(HttpRequest.newBuilder(url("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void withoutAGoodInitialTokenTheAnswerIs401() throws Exception {
		for (String token : new String[] { null, "made-up" }) {
			HttpResponse<String> refused = call("POST", "/connect/register", token, SITE);
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
			assertThat(JSONObjectUtils.parse(refused.body())).containsEntry("error", "invalid_token");
		}
		assertThat(call("POST", "/connect/register", null, "{not json").statusCode())
			.as("no token: 401 before the body is read")
			.isEqualTo(401);

		IssuedToken once = issue(1);
		assertThat(call("POST", "/connect/register", once.value(), SITE).statusCode()).isEqualTo(201);
		assertThat(call("POST", "/connect/register", once.value(), SITE).statusCode()).as("spent").isEqualTo(401);

		IssuedToken revoked = issue(null);
		tokens.revoke(revoked.token().id(), Actor.SYSTEM);
		assertThat(call("POST", "/connect/register", revoked.value(), SITE).statusCode()).isEqualTo(401);

		IssuedToken expired = issue(null);
		dsl.update(REGISTRATION_INITIAL_TOKEN)
			.set(REGISTRATION_INITIAL_TOKEN.EXPIRES_AT, REGISTRATION_INITIAL_TOKEN.ISSUED_AT)
			.where(REGISTRATION_INITIAL_TOKEN.ID.eq(expired.token().id()))
			.execute();
		assertThat(call("POST", "/connect/register", expired.value(), SITE).statusCode()).isEqualTo(401);
	}

	@Test
	void badMetadataIsRefusedAsRfc7591Says() throws Exception {
		IssuedToken token = issue(1);
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb#fragment"]}""", "invalid_redirect_uri");
		assertRefused(token, """
				{"redirect_uris": ["http://site.example/cb"]}""", "invalid_redirect_uri");
		assertRefused(token, """
				{"redirect_uris": ["https://localhost/cb"]}""", "invalid_redirect_uri");
		assertRefused(token, """
				{"client_name": "No way back"}""", "invalid_redirect_uri");
		assertRefused(token, """
				{"redirect_uris": "https://site.example/cb"}""", "invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "response_types": ["code id_token"]}""",
				"invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "grant_types": ["implicit"]}""",
				"invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "token_endpoint_auth_method": "tls_client_auth"}""",
				"invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "id_token_signed_response_alg": "none"}""",
				"invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "subject_type": "public"}""", "invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "scope": "openid icourse.admin"}""",
				"invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "scope": "openid nonsense"}""",
				"invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "logo_uri": "javascript:alert(1)"}""",
				"invalid_client_metadata");
		assertRefused(token, """
				{"redirect_uris": ["https://site.example/cb"], "userinfo_encrypted_response_alg": "RSA-OAEP"}""",
				"invalid_client_metadata");
		assertRefused(token, "[1, 2]", "invalid_client_metadata");
		assertRefused(token, "{\"redirect_uris\": ", "invalid_client_metadata");
		assertRefused(token, "", "invalid_client_metadata");
		assertThat(tokens.find(token.token().id()).orElseThrow().uses()).as("refusals spend no use").isZero();
	}

	@Test
	void discoveryNamesTheEndpoint() throws Exception {
		HttpResponse<String> discovery = call("GET", "/.well-known/openid-configuration", null, null);
		assertThat(JSONObjectUtils.parse(discovery.body())).containsEntry("registration_endpoint",
				"http://localhost:" + port + "/connect/register");
	}

	private void assertRefused(IssuedToken token, String body, String error) throws Exception {
		HttpResponse<String> refused = call("POST", "/connect/register", token.value(), body);
		assertThat(refused.statusCode()).as(body + " -> " + refused.body()).isEqualTo(400);
		Map<String, Object> answer = JSONObjectUtils.parse(refused.body());
		assertThat(answer).as(body).containsEntry("error", error);
		assertThat((String) answer.get("error_description")).isNotBlank().doesNotContain("Exception");
	}

	private IssuedToken issue(Integer maxUses) {
		return tokens.issue(new InitialAccessTokens.Request(owner, Duration.ofHours(1), maxUses, false, false, "test"),
				Actor.SYSTEM);
	}

	private HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
