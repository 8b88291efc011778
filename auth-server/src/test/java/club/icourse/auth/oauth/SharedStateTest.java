package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.SIGNING_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerApplication;
import club.icourse.auth.AuthServerTest;
import club.icourse.auth.AuthTestInfrastructure;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.account.AccountRepository;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.TestPropertySource;

/**
 * Any instance serves any request: tokens of one instance work at another, a flow begun
 * at one instance ends at another, and a key rotation leaves earlier tokens valid. The
 * issuer is fixed, as in production, so that both instances are one provider.
 */
@AuthServerTest
@TestPropertySource(properties = "icourse.oidc.issuer=http://localhost:1/issuer")
class SharedStateTest {

	private static final String ISSUER = "http://localhost:1/issuer";

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	SigningKeys keys;

	@Autowired
	DSLContext dsl;

	@Autowired
	AccountRepository accounts;

	@Test
	void tokensIssuedByOneInstanceAreAcceptedIntrospectedAndRefreshedByAnother() throws Exception {
		TestSite site = new TestSite(clients, port);
		OIDCTokenResponse tokens = site.signIn(TestAccounts.registerAndConfirm(port));
		assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringListClaim("roles"))
			.as("a first-party site learns the person's roles")
			.containsExactly("USER");
		try (ConfigurableApplicationContext second = startSecondInstance()) {
			String other = address(second);

			UserInfoResponse userInfo = UserInfoResponse.parse(
					new UserInfoRequest(URI.create(other + "/userinfo"), tokens.getOIDCTokens().getBearerAccessToken())
						.toHTTPRequest()
						.send());
			assertThat(userInfo.indicatesSuccess()).isTrue();

			TokenIntrospectionResponse introspection = TokenIntrospectionResponse
				.parse(new TokenIntrospectionRequest(URI.create(other + "/oauth2/introspect"), site.authentication,
						tokens.getOIDCTokens().getAccessToken())
					.toHTTPRequest()
					.send());
			assertThat(introspection.toSuccessResponse().isActive()).isTrue();

			Tokens refreshed = OIDCTokenResponseParser
				.parse(new TokenRequest(URI.create(other + "/oauth2/token"), site.authentication,
						new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
					.toHTTPRequest()
					.send())
				.toSuccessResponse()
				.getTokens();
			assertThat(UserInfoResponse
				.parse(new UserInfoRequest(site.endpoint("/userinfo"), refreshed.getBearerAccessToken()).toHTTPRequest()
					.send())
				.indicatesSuccess()).as("back at the first instance").isTrue();
		}
	}

	@Test
	void afterAKeyRotationEarlierTokensStayValidUntilTheyExpire() throws Exception {
		TestSite site = new TestSite(clients, port);
		TestAccounts.Person person = TestAccounts.registerAndConfirm(port);
		OIDCTokenResponse before = site.signIn(person);
		JWT oldIdToken = before.getOIDCTokens().getIDToken();
		String oldKid = ((JWSHeader) oldIdToken.getHeader()).getKeyID();

		retireSigningKeys();
		keys.rotate();
		assertThat(keys.signing().getKeys()).as("one signing key per algorithm")
			.extracting(key -> key.getAlgorithm().getName())
			.containsExactly("RS256", "ES256");

		OIDCTokenResponse after = site.signIn(person);
		String newKid = ((JWSHeader) after.getOIDCTokens().getIDToken().getHeader()).getKeyID();
		assertThat(newKid).isNotEqualTo(oldKid);

		IDTokenValidator validator = new IDTokenValidator(new Issuer(ISSUER), new ClientID(site.clientId),
				JWSAlgorithm.RS256, site.endpoint("/oauth2/jwks").toURL());
		assertThat(validator.validate(oldIdToken, null).getSubject()).isNotNull();
		assertThat(UserInfoResponse
			.parse(new UserInfoRequest(site.endpoint("/userinfo"), before.getOIDCTokens().getBearerAccessToken())
				.toHTTPRequest()
				.send())
			.indicatesSuccess()).isTrue();
	}

	/**
	 * At first start-up the web server answers before the start-up rotation has stored
	 * the first keys; a token request then must not fail (it once got a 500 and the empty
	 * read stayed cached for 30 s).
	 */
	@Test
	void aTokenRequestWithNoKeyInServiceAddsOneInsteadOfFailing() throws Exception {
		TestSite site = new TestSite(clients, port);
		TestAccounts.Person person = TestAccounts.registerAndConfirm(port);
		String oldKid = ((JWSHeader) site.signIn(person).getOIDCTokens().getIDToken().getHeader()).getKeyID();

		retireSigningKeys();
		keys.forgetCachedKeys();

		OIDCTokenResponse after = site.signIn(person);
		String newKid = ((JWSHeader) after.getOIDCTokens().getIDToken().getHeader()).getKeyID();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(keys.signing().getKeys()).extracting(key -> key.getAlgorithm().getName())
			.containsExactly("RS256", "ES256");
	}

	/**
	 * The framework keeps a half-done authorization (request, person, consent state) as
	 * JSON in the database; an instance started after the consent page was shown must
	 * read it back, answer the consent and issue the code.
	 */
	@Test
	void aConsentShownByOneInstanceIsAnsweredAtAnInstanceStartedSince() throws Exception {
		TestAccounts.Person person = TestAccounts.registerAndConfirm(port);
		String accountSubject = accounts.findCredentials(person.email()).orElseThrow().account().subject();
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/restart/callback"), false);
		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();

		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI consentAddress = TestSite.follow(browser,
					site.authorizationRequest(verifier, nonce, "openid profile email school", site.callback));
			assertThat(consentAddress.getPath()).isEqualTo(ConsentController.PATH);
			HtmlPage consent = browser.open(consentAddress.getRawPath() + "?" + consentAddress.getRawQuery());

			try (ConfigurableApplicationContext second = startSecondInstance()) {
				String other = address(second);
				// The browser's session cookie is per host, so it goes to the second
				// instance's port too.
				HtmlForm allow = consent.getHtmlElementById("allow");
				allow.setActionAttribute(other + "/oauth2/authorize");
				WebResponse answer = ((HtmlButton) allow.getFirstByXPath(".//button")).click().getWebResponse();
				assertThat(answer.getWebRequest().getUrl().toString()).startsWith(other);
				URI back = URI.create(answer.getResponseHeaderValue("Location"));
				assertThat(back.toString()).startsWith(site.callback.toString());

				TokenResponse response = OIDCTokenResponseParser
					.parse(new TokenRequest(URI.create(other + "/oauth2/token"), site.authentication,
							new AuthorizationCodeGrant(new AuthorizationCode(TestSite.parameter(back, "code")),
									site.callback, verifier))
						.toHTTPRequest()
						.send());
				assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody()))
					.isTrue();
				OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();

				IDTokenClaimsSet idToken = new IDTokenValidator(new Issuer(ISSUER), new ClientID(site.clientId),
						JWSAlgorithm.RS256, URI.create(other + "/oauth2/jwks").toURL())
					.validate(tokens.getOIDCTokens().getIDToken(), nonce);
				assertThat(idToken.getSubject().getValue()).as("pairwise").isNotEqualTo(accountSubject);
				assertThat(idToken.getAuthenticationTime()).as("the sign-in at the first instance")
					.isNotNull()
					.isBefore(new Date());

				UserInfoResponse userInfo = UserInfoResponse.parse(
						new UserInfoRequest(site.endpoint("/userinfo"), tokens.getOIDCTokens().getBearerAccessToken())
							.toHTTPRequest()
							.send());
				assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject()).as("back at the first instance")
					.isEqualTo(idToken.getSubject());
				assertThat(userInfo.toSuccessResponse().getUserInfo().getPreferredUsername())
					.isEqualTo(person.username());
				assertThat(userInfo.toSuccessResponse().getUserInfo().getEmailAddress()).isEqualTo(person.email());
				assertThat(userInfo.toSuccessResponse().getUserInfo().getStringClaim("school")).isEqualTo("ustc");
				assertThat(userInfo.toSuccessResponse().getUserInfo().getStringClaim("affiliation"))
					.isEqualTo("student");
			}
		}
	}

	private static ConfigurableApplicationContext startSecondInstance() {
		return new SpringApplicationBuilder(AuthServerApplication.class).initializers(new AuthTestInfrastructure())
			.run("--server.port=0", "--icourse.oidc.issuer=" + ISSUER, "--icourse.mail.poll-delay=1h",
					"--icourse.rate-limits.enabled=false",
					"--icourse.oidc.key-encryption-secret=" + AuthServerTest.KEY_ENCRYPTION_SECRET);
	}

	private static String address(ConfigurableApplicationContext instance) {
		return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	/** Ends the signing period of every key now, as the passing of time would. */
	private void retireSigningKeys() {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		dsl.update(SIGNING_KEY)
			.set(SIGNING_KEY.SIGNS_FROM, now.minusDays(1))
			.set(SIGNING_KEY.SIGNS_UNTIL, now.minusSeconds(1))
			.where(SIGNING_KEY.SIGNS_UNTIL.gt(now))
			.execute();
	}

}
