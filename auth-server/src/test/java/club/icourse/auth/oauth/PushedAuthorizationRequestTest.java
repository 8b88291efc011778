package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.util.function.UnaryOperator;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Pushed authorization requests (RFC 9126): the site posts its authorization request to
 * the provider, authenticated, and sends the browser only its client id and the
 * request_uri it got back, which works once and for that site only.
 */
@AuthServerTest
class PushedAuthorizationRequestTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void discoveryNamesTheEndpoint() throws Exception {
		OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer("http://localhost:" + port));
		assertThat(provider.getPushedAuthorizationRequestEndpointURI())
			.isEqualTo(URI.create("http://localhost:" + port + "/oauth2/par"));
	}

	@Test
	void aPushedRequestSignsThePersonInOnceOnly() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();
		State state = new State();
		// The claims parameter travels inside the pushed request.
		URI requestUri = push(site, verifier, nonce, state,
				builder -> builder.claims(parseClaims("{\"id_token\":{\"email\":{\"essential\":true}}}")));

		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI back = TestSite.follow(browser, authorizationRequest(site, requestUri));
			assertThat(back.toString()).startsWith(site.callback.toString());
			assertThat(TestSite.parameter(back, "state")).isEqualTo(state.getValue());

			TokenResponse response = site.redeem(new AuthorizationCode(TestSite.parameter(back, "code")), verifier);
			assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
			IDTokenClaimsSet idToken = new IDTokenValidator(new Issuer("http://localhost:" + port),
					new ClientID(site.clientId), JWSAlgorithm.RS256, site.endpoint("/oauth2/jwks").toURL())
				.validate(((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken(), nonce);
			assertThat(idToken.getStringClaim("email")).isEqualTo(person.email());

			assertRefused(browser, authorizationRequest(site, requestUri));
		}
	}

	@Test
	void anotherSiteCannotUseTheRequestUri() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		TestSite other = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		URI requestUri = push(site, verifier, new Nonce(), new State());

		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			assertRefused(browser, authorizationRequest(other, requestUri));
			assertThat(TestSite.follow(browser, authorizationRequest(site, requestUri)).toString())
				.as("the refusal did not spend it")
				.startsWith(site.callback.toString())
				.contains("code=");
		}
	}

	@Test
	void aThirdPartySitesPushedRequestGoesThroughTheConsentPage() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/par/callback"), false);
		CodeVerifier verifier = new CodeVerifier();
		State state = new State();
		URI requestUri = push(site, verifier, new Nonce(), state);

		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI consent = TestSite.follow(browser, authorizationRequest(site, requestUri));
			assertThat(consent.getPath()).isEqualTo(ConsentController.PATH);
			HtmlPage page = browser.open(consent.getRawPath() + "?" + consent.getRawQuery());
			URI back = URI.create(((HtmlButton) page.getHtmlElementById("allow").getFirstByXPath(".//button")).click()
				.getWebResponse()
				.getResponseHeaderValue("Location"));
			assertThat(back.toString()).startsWith(site.callback.toString());
			assertThat(TestSite.parameter(back, "state")).isEqualTo(state.getValue());
			assertThat(
					site.redeem(new AuthorizationCode(TestSite.parameter(back, "code")), verifier).indicatesSuccess())
				.isTrue();
		}
	}

	@Test
	void promptLoginInsideAPushedRequestAsksForANewSignInOnceAndPromptNoneAnswersLoginRequired() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			CodeVerifier verifier = new CodeVerifier();
			URI requestUri = push(site, verifier, new Nonce(), new State(),
					builder -> builder.prompt(new Prompt(Prompt.Type.LOGIN)));
			URI again = TestSite.follow(browser, authorizationRequest(site, requestUri));
			assertThat(again.getPath()).as("signed out, the same request again").isEqualTo("/oauth2/authorize");
			assertThat(TestSite.follow(browser, again).getPath()).isEqualTo("/login");

			browser.client().getOptions().setRedirectEnabled(true);
			HtmlForm signIn = browser.open("/login")
				.getForms()
				.stream()
				.filter(form -> form.getActionAttribute().endsWith("/login"))
				.findFirst()
				.orElseThrow();
			signIn.getInputByName("username").setValue(person.email());
			signIn.getInputByName("password").setValue(person.password());
			browser.client().getOptions().setRedirectEnabled(false);
			WebResponse signedIn = browser.client().loadWebResponse(signIn.getWebRequest(null));
			URI resumed = URI.create(signedIn.getResponseHeaderValue("Location"));
			URI back = TestSite.follow(browser, resumed.isAbsolute() ? resumed : site.endpoint(resumed.toString()));
			assertThat(back.toString()).as("a sign-in after the push satisfies it")
				.startsWith(site.callback.toString())
				.contains("code=");

			State state = new State();
			URI silent = push(site, new CodeVerifier(), new Nonce(), state,
					builder -> builder.prompt(new Prompt(Prompt.Type.NONE)).maxAge(0));
			URI refused = TestSite.follow(browser, authorizationRequest(site, silent));
			assertThat(refused.toString()).startsWith(site.callback.toString());
			assertThat(TestSite.parameter(refused, "error")).isEqualTo("login_required");
			assertThat(TestSite.parameter(refused, "state")).isEqualTo(state.getValue());
		}
	}

	/**
	 * Pushes an authentication request with the site's credentials; the request_uri that
	 * stands for it.
	 */
	private static URI push(TestSite site, CodeVerifier verifier, Nonce nonce, State state) throws Exception {
		return push(site, verifier, nonce, state, builder -> builder);
	}

	private static URI push(TestSite site, CodeVerifier verifier, Nonce nonce, State state,
			UnaryOperator<AuthenticationRequest.Builder> more) throws Exception {
		AuthenticationRequest request = more
			.apply(new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid", "profile", "email"),
					new ClientID(site.clientId), site.callback)
				.state(state)
				.nonce(nonce)
				.codeChallenge(verifier, CodeChallengeMethod.S256))
			.build();
		PushedAuthorizationResponse response = PushedAuthorizationResponse
			.parse(new PushedAuthorizationRequest(site.endpoint("/oauth2/par"), site.authentication, request)
				.toHTTPRequest()
				.send());
		assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
		return response.toSuccessResponse().getRequestURI();
	}

	private static OIDCClaimsRequest parseClaims(String json) {
		try {
			return OIDCClaimsRequest.parse(json);
		}
		catch (ParseException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** Where a site sends the browser: only its client id and a request_uri. */
	private static URI authorizationRequest(TestSite site, URI requestUri) {
		return new AuthorizationRequest.Builder(requestUri, new ClientID(site.clientId))
			.endpointURI(site.endpoint("/oauth2/authorize"))
			.build()
			.toURI();
	}

	/** Refused on the provider's own page, never sent back to a redirect URI. */
	private static void assertRefused(Browser browser, URI authorizationRequest) throws Exception {
		browser.client().getOptions().setRedirectEnabled(false);
		WebResponse response = browser.client().loadWebResponse(new WebRequest(authorizationRequest.toURL()));
		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getResponseHeaderValue("Location")).isNull();
	}

}
