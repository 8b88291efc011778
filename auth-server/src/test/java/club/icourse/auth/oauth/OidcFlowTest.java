package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.clients.KnownClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * A site that knows nothing of this project signs a person in with an independent OpenID
 * Connect library (Nimbus): discovery, authorization code with PKCE, tokens, ID token
 * checked against the JWKS, UserInfo, refresh, revocation.
 */
@AuthServerTest
class OidcFlowTest {

	private static final URI CALLBACK = URI.create("http://127.0.0.1:9/callback");

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void aThirdPartyLibraryCompletesTheWholeFlow() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		String clientId = "site-" + UUID.randomUUID();
		String secret = ClientSecrets.generate();
		clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientName("A site")
			.clientSecret(new ClientSecrets().encode(secret))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri(CALLBACK.toString())
			.scope("openid")
			.scope("profile")
			.scope("email")
			.scope("school")
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().reuseRefreshTokens(false).build())
			.build());

		Issuer issuer = new Issuer("http://localhost:" + port);
		OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(issuer);
		assertThat(provider.getIssuer()).isEqualTo(issuer);

		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();
		State state = new State();
		URI authorize = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile", "email", "school"), new ClientID(clientId), CALLBACK)
			.endpointURI(provider.getAuthorizationEndpointURI())
			.state(state)
			.nonce(nonce)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.build()
			.toURI();

		AuthorizationCode code;
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			browser.client().getOptions().setRedirectEnabled(false);
			WebResponse redirect = browser.client().loadWebResponse(new WebRequest(authorize.toURL()));
			assertThat(redirect.getStatusCode()).isEqualTo(302);
			URI back = URI.create(redirect.getResponseHeaderValue("Location"));
			assertThat(back.toString()).startsWith(CALLBACK.toString()).contains("state=" + state.getValue());
			code = new AuthorizationCode(query(back, "code"));
		}

		ClientAuthentication site = new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
		OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser
			.parse(new TokenRequest(provider.getTokenEndpointURI(), site,
					new AuthorizationCodeGrant(code, CALLBACK, verifier))
				.toHTTPRequest()
				.send());
		assertThat(tokens.indicatesSuccess()).isTrue();

		IDTokenClaimsSet idToken = new IDTokenValidator(issuer, new ClientID(clientId), JWSAlgorithm.RS256,
				provider.getJWKSetURI().toURL())
			.validate(tokens.getOIDCTokens().getIDToken(), nonce);
		assertThat(idToken.getSubject().getValue()).isNotBlank().doesNotContain("@");
		assertThat(idToken.toJWTClaimsSet().getClaims()).as("scope claims go to UserInfo (Core 5.4)")
			.doesNotContainKeys("preferred_username", "email", "school", "affiliation");

		UserInfoResponse userInfoResponse = UserInfoResponse
			.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(), tokens.getOIDCTokens().getBearerAccessToken())
				.toHTTPRequest()
				.send());
		assertThat(userInfoResponse.indicatesSuccess()).isTrue();
		UserInfo userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
		assertThat(userInfo.getSubject()).isEqualTo(idToken.getSubject());
		assertThat(userInfo.getPreferredUsername()).isEqualTo(person.username());
		assertThat(userInfo.getEmailAddress()).isEqualTo(person.email());
		assertThat(userInfo.getEmailVerified()).isTrue();
		assertThat(userInfo.getStringClaim("school")).isEqualTo("ustc");
		assertThat(userInfo.getStringClaim("affiliation")).isEqualTo("student");

		Tokens refreshed = OIDCTokenResponseParser
			.parse(new TokenRequest(provider.getTokenEndpointURI(), site,
					new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
				.toHTTPRequest()
				.send())
			.toSuccessResponse()
			.getTokens();
		assertThat(refreshed.getRefreshToken().getValue()).as("refresh tokens rotate")
			.isNotEqualTo(tokens.getOIDCTokens().getRefreshToken().getValue());

		assertThat(new TokenRevocationRequest(provider.getRevocationEndpointURI(), site, refreshed.getAccessToken())
			.toHTTPRequest()
			.send()
			.getStatusCode()).isEqualTo(200);
		TokenIntrospectionResponse introspection = TokenIntrospectionResponse.parse(
				new TokenIntrospectionRequest(provider.getIntrospectionEndpointURI(), site, refreshed.getAccessToken())
					.toHTTPRequest()
					.send());
		assertThat(introspection.toSuccessResponse().isActive()).isFalse();
	}

	@Test
	void aPersonWhoIsNotSignedInSignsInAndIsSentBackWithACode() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		String clientId = "site-" + UUID.randomUUID();
		clients.save(KnownClients.toRegistered(new KnownClients.Client(clientId, "A site", ClientSecrets.generate(),
				List.of(CALLBACK.toString()), List.of(), true, null, null, false), UUID.randomUUID().toString()));
		URI authorize = new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid"),
				new ClientID(clientId), CALLBACK)
			.endpointURI(URI.create("http://localhost:" + port + "/oauth2/authorize"))
			.state(new State())
			.nonce(new Nonce())
			.codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
			.build()
			.toURI();

		try (Browser browser = new Browser(port)) {
			HtmlPage login = browser.client().getPage(authorize.toURL());
			assertThat(login.getUrl().getPath()).isEqualTo("/login");
			browser.client().getOptions().setRedirectEnabled(false);
			HtmlForm form = login.getForms()
				.stream()
				.filter(candidate -> candidate.getActionAttribute().endsWith("/login"))
				.findFirst()
				.orElseThrow();
			form.getInputByName("username").setValue(person.email());
			form.getInputByName("password").setValue(person.password());
			Page afterLogin = ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
			String next = afterLogin.getWebResponse().getResponseHeaderValue("Location");
			assertThat(next).contains("/oauth2/authorize");
			WebResponse redirect = browser.client().loadWebResponse(new WebRequest(URI.create(next).toURL()));
			assertThat(redirect.getResponseHeaderValue("Location")).startsWith(CALLBACK.toString()).contains("code=");
		}
	}

	private static String query(URI uri, String name) {
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("No " + name + " in " + uri);
	}

}
