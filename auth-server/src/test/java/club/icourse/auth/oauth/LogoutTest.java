package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Date;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * RP-initiated logout: a site signs the person out at the provider, and only back to a
 * registered address. Without a hint, or with a stale one we signed, the person is asked
 * first; never an error page for a legitimate request.
 */
@AuthServerTest
class LogoutTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	OAuth2AuthorizationService authorizations;

	@Test
	void aSiteSignsThePersonOutAndTheProviderSendsThemBackToItsRegisteredAddress() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			OIDCTokenResponse tokens = signInAtSite(browser, person, site);

			State state = new State();
			URI logout = new LogoutRequest(site.endpoint("/connect/logout"), tokens.getOIDCTokens().getIDToken(),
					TestSite.SIGNED_OUT, state)
				.toURI();
			WebResponse response = load(browser, logout);
			assertThat(response.getStatusCode()).as(response.getContentAsString()).isEqualTo(302);
			assertThat(response.getResponseHeaderValue("Location")).startsWith(TestSite.SIGNED_OUT.toString())
				.contains("state=" + state.getValue());

			browser.client().getOptions().setRedirectEnabled(true);
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");
		}
	}

	@Test
	void anUnregisteredPostLogoutAddressIsRefused() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			OIDCTokenResponse tokens = signInAtSite(browser, person, site);

			URI logout = new LogoutRequest(site.endpoint("/connect/logout"), tokens.getOIDCTokens().getIDToken(),
					URI.create("https://evil.example/"), new State())
				.toURI();
			WebResponse response = load(browser, logout);
			assertThat(response.getStatusCode()).isEqualTo(400);
			assertThat(response.getResponseHeaderValue("Location")).isNull();
			assertThat(response.getContentAsString()).contains("This sign-out request was refused",
					"an address it has not registered", "You are still signed in");
		}
	}

	@Test
	void aGoodHintWithoutAReturnAddressEndsOnTheSignedOutPage() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			OIDCTokenResponse tokens = signInAtSite(browser, person, site);
			URI logout = new LogoutRequest(site.endpoint("/connect/logout"), tokens.getOIDCTokens().getIDToken())
				.toURI();
			WebResponse response = load(browser, logout);
			assertThat(response.getStatusCode()).isEqualTo(302);
			assertThat(response.getResponseHeaderValue("Location")).endsWith("/login?signedOut");
			browser.client().getOptions().setRedirectEnabled(true);
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");
		}
	}

	@Test
	void withoutAHintThePersonIsAskedAndSignedOutWhenTheyConfirmButNotSentAnywhere() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			for (String query : new String[] { "", "?state=s1", "?post_logout_redirect_uri=" + TestSite.SIGNED_OUT }) {
				HtmlPage asked = browser.open("/connect/logout" + query);
				assertThat(asked.getUrl().getPath()).isEqualTo("/logout");
				assertThat(asked.asNormalizedText()).contains("Sign out of iCourse ID?");
			}
			HtmlPage after = browser.submit(browser.open("/connect/logout?state=s1"), "/logout");
			assertThat(after.getUrl().toString()).contains("/login?signedOut");
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");
		}
	}

	@Test
	void withoutAHintButWithItsClientIdTheSiteGetsThePersonBackAfterTheyConfirm() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			HtmlPage asked = browser.open("/connect/logout?client_id=" + site.clientId + "&post_logout_redirect_uri="
					+ TestSite.SIGNED_OUT + "&state=a%2Bb%26c");
			assertThat(asked.asNormalizedText()).contains(site.clientId.substring(5, 13));
			assertThat(signOutAt(browser, asked)).isEqualTo(TestSite.SIGNED_OUT + "?state=a%2Bb%26c");
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/login");
		}
	}

	@Test
	void aHintWhoseGrantWasRevokedAsksThePersonAndThenReturnsToTheSite() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			OIDCTokenResponse tokens = signInAtSite(browser, person, site);
			String idToken = tokens.getOIDCTokens().getIDTokenString();
			authorizations.remove(authorizations.findByToken(idToken, new OAuth2TokenType("id_token")));

			browser.client().getOptions().setRedirectEnabled(true);
			HtmlPage asked = browser.open(new LogoutRequest(site.endpoint("/connect/logout"),
					tokens.getOIDCTokens().getIDToken(), TestSite.SIGNED_OUT, new State("s2"))
				.toURI()
				.toString()
				.substring(site.endpoint("").toString().length()));
			assertThat(asked.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(asked.getUrl().getPath()).isEqualTo("/logout");
			assertThat(signOutAt(browser, asked)).isEqualTo(TestSite.SIGNED_OUT + "?state=s2");
		}
	}

	@Test
	void aHintFromAnEarlierSignInIsStaleSoThePersonIsAsked() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			OIDCTokenResponse earlier = signInAtSite(browser, person, site);
			browser.client().getOptions().setRedirectEnabled(true);
			browser.signOut();
			browser.signIn(person.email(), person.password());

			URI logout = new LogoutRequest(site.endpoint("/connect/logout"), earlier.getOIDCTokens().getIDToken(),
					TestSite.SIGNED_OUT, new State())
				.toURI();
			HtmlPage asked = browser.open(logout.toString().substring(site.endpoint("").toString().length()));
			assertThat(asked.getUrl().getPath()).isEqualTo("/logout");
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/account");
		}
	}

	@Test
	void aHintWeDidNotSignIsRefused() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		RSAKey foreign = new RSAKeyGenerator(2048).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
				new JWTClaimsSet.Builder().issuer(site.endpoint("").toString())
					.audience(site.clientId)
					.subject("someone")
					.expirationTime(new Date(System.currentTimeMillis() + 60_000))
					.build());
		forged.sign(new RSASSASigner(foreign));
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			browser.client().getOptions().setRedirectEnabled(false);
			URI logout = new LogoutRequest(site.endpoint("/connect/logout"), forged, TestSite.SIGNED_OUT, new State())
				.toURI();
			WebResponse response = load(browser, logout);
			assertThat(response.getStatusCode()).isEqualTo(400);
			assertThat(response.getResponseHeaderValue("Location")).isNull();
			assertThat(response.getContentAsString()).contains("This sign-out request was refused",
					"a token that iCourse ID did not issue");
			browser.client().getOptions().setRedirectEnabled(true);
			assertThat(browser.open("/account").getUrl().getPath()).isEqualTo("/account");
		}
	}

	/**
	 * Signs the person in and has the site redeem a code for them; the ID token is the
	 * site's logout hint.
	 */
	private static OIDCTokenResponse signInAtSite(Browser browser, Person person, TestSite site) throws Exception {
		browser.signIn(person.email(), person.password());
		CodeVerifier verifier = new CodeVerifier();
		return (OIDCTokenResponse) site.redeem(site.code(browser, verifier, new Nonce()), verifier).toSuccessResponse();
	}

	private static WebResponse load(Browser browser, URI address) throws IOException {
		return browser.client().loadWebResponse(new WebRequest(address.toURL()));
	}

	/** Presses "Sign out" and answers where the provider sends the browser. */
	private static String signOutAt(Browser browser, HtmlPage confirmation) throws Exception {
		HtmlForm form = confirmation.getHtmlElementById("sign-out");
		browser.client().getOptions().setRedirectEnabled(false);
		WebResponse response = browser.client().loadWebResponse(form.getWebRequest(null));
		browser.client().getOptions().setRedirectEnabled(true);
		assertThat(response.getStatusCode()).isEqualTo(302);
		return response.getResponseHeaderValue("Location");
	}

}
