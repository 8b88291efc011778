package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.audit.AuditLog;
import club.icourse.shared.Scopes;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Third-party sites ask for consent, and each sees its own pairwise subject. */
@AuthServerTest
class ThirdPartyConsentTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	AccountRepository accounts;

	@Autowired
	AuditLog audit;

	@Test
	void eachSiteGetsItsOwnSubjectAfterThePersonAllowsIt() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		String accountSubject = accounts.findCredentials(person.email()).orElseThrow().account().subject();
		TestSite first = new TestSite(clients, port, URI.create("http://127.0.0.1:9/a/callback"), false);
		TestSite second = new TestSite(clients, port, URI.create("http://127.0.0.2:9/b/callback"), false);

		String firstSubject = signInAllowing(first, person);
		String secondSubject = signInAllowing(second, person);

		assertThat(firstSubject).isNotEqualTo(secondSubject).isNotEqualTo(accountSubject).doesNotContain("@");
		assertThat(signInAllowing(first, person)).as("stable for one site").isEqualTo(firstSubject);
		assertThat(lastTokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getClaims())
			.as("roles are for first-party sites only")
			.doesNotContainKey("roles");
	}

	@Test
	void offlineAccessIsAnsweredWithTheRefreshTokenEverySiteGets() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/o/callback"), false);

		signInAllowing(site, person, "openid offline_access");

		assertThat(lastTokens.getOIDCTokens().getRefreshToken()).as("OpenID Connect Core 11").isNotNull();
		assertThat(lastTokens.getOIDCTokens().getAccessToken().getScope().toStringList())
			.as("granted by being there already, not carried")
			.containsExactly("openid");

		TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(site.endpoint("/oauth2/token"),
				site.authentication, new RefreshTokenGrant(lastTokens.getOIDCTokens().getRefreshToken()),
				Scope.parse("openid offline_access"))
			.toHTTPRequest()
			.send());
		assertThat(refreshed.indicatesSuccess()).as("a refresh naming it, as the suite's does").isTrue();
	}

	@Test
	void anAccessTokenForTheReviewApiNamesThePersonAsTheApiKnowsThem() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		String accountSubject = accounts.findCredentials(person.email()).orElseThrow().account().subject();
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/r/callback"),
				Set.of("openid", "profile", Scopes.REVIEWS_READ, Scopes.REVIEWS_WRITE));

		String pairwise = signInAllowing(site, person, "openid profile reviews.read");
		assertThat(pairwise).isNotEqualTo(accountSubject);
		JWTClaimsSet accessToken = SignedJWT.parse(lastTokens.getOIDCTokens().getAccessToken().getValue())
			.getJWTClaimsSet();
		assertThat(accessToken.getSubject()).as("the subject review-app keys the person by").isEqualTo(accountSubject);
		assertThat(accessToken.getStringListClaim("scope")).contains(Scopes.REVIEWS_READ);

		signInAllowing(site, person, "openid profile");
		assertThat(
				SignedJWT.parse(lastTokens.getOIDCTokens().getAccessToken().getValue()).getJWTClaimsSet().getSubject())
			.as("without a review scope, the site's own subject")
			.isEqualTo(pairwise);
	}

	@Test
	void theConsentPageNamesTheReviewScopesInPlainWords() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/w/callback"),
				Set.of("openid", Scopes.REVIEWS_READ, Scopes.REVIEWS_WRITE));
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			HtmlPage consent = browser.open(pathOf(site.authorizationRequest(new CodeVerifier(), new Nonce(),
					"openid reviews.read reviews.write", site.callback)));
			assertThat(consent.asNormalizedText()).contains("Your reviews on iCourse (hidden ones too)",
					"Write and edit your reviews on iCourse in your name");
		}
	}

	@Test
	void theConsentPageSaysWhoAsksAndWhatInPlainWordsAndDenyingRefuses() throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/c/callback"), false);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			HtmlPage consent = browser.open(pathOf(site.authorizationRequest(new CodeVerifier(), new Nonce(),
					"openid profile email school", site.callback)));
			assertThat(consent.getUrl().getPath()).isEqualTo("/oauth2/consent");
			assertThat(consent.asNormalizedText()).contains("asks to sign you in", "127.0.0.1", "Your email address",
					"Your school, and whether you are a student or a teacher");

			browser.client().getOptions().setRedirectEnabled(false);
			var denied = ((HtmlButton) consent.getHtmlElementById("deny").getFirstByXPath(".//button")).click()
				.getWebResponse();
			assertThat(denied.getResponseHeaderValue("Location")).startsWith(site.callback.toString())
				.contains("error=access_denied");
		}
	}

	@Test
	void theAccountPageListsAllowedSitesAndWithdrawingRevokesTheirTokens() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/d/callback"), false);
		signInAllowing(site, person);
		OIDCTokenResponse tokens = lastTokens;

		try (Browser browser = new Browser(port)) {
			HtmlPage account = browser.signIn(person.email(), person.password());
			assertThat(account.asNormalizedText()).contains("Sites you signed in to",
					"Site " + site.clientId.substring(5, 13), "Your email address");
			HtmlPage withdrawn = browser.submit(account, "/account/apps/" + site.clientId + "/revoke");
			assertThat(withdrawn.asNormalizedText()).contains("Access withdrawn",
					"You have not let any other site sign you in.");
		}
		assertThat(active(site, tokens)).isFalse();
		assertThat(audit.latest(site.clientId, null, 10)).extracting(AuditLog.Event::action, AuditLog.Event::actorName)
			.contains(tuple("consent.granted", person.username()), tuple("consent.withdrawn", person.username()));
	}

	@Test
	void deletingTheAccountRevokesEveryGrant() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port, URI.create("http://127.0.0.1:9/e/callback"), false);
		signInAllowing(site, person);
		OIDCTokenResponse tokens = lastTokens;
		assertThat(active(site, tokens)).isTrue();

		try (Browser browser = new Browser(port)) {
			browser.submit(browser.signIn(person.email(), person.password()), "/account/delete", "password",
					person.password());
		}
		assertThat(active(site, tokens)).isFalse();
	}

	private static boolean active(TestSite site, OIDCTokenResponse tokens) throws Exception {
		return TokenIntrospectionResponse
			.parse(new TokenIntrospectionRequest(site.endpoint("/oauth2/introspect"), site.authentication,
					tokens.getOIDCTokens().getAccessToken())
				.toHTTPRequest()
				.send())
			.toSuccessResponse()
			.isActive();
	}

	private OIDCTokenResponse lastTokens;

	/**
	 * Signs in at the site through the consent page, returning the subject the site sees
	 * in both ID token and UserInfo.
	 */
	private String signInAllowing(TestSite site, Person person) throws Exception {
		return signInAllowing(site, person, "openid profile email school");
	}

	private String signInAllowing(TestSite site, Person person, String scope) throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code;
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI next = TestSite.follow(browser, site.authorizationRequest(verifier, new Nonce(), scope, site.callback));
			String location = next.toString();
			if (next.getPath().equals("/oauth2/consent")) {
				HtmlPage consent = browser.open(next.getRawPath() + "?" + next.getRawQuery());
				location = ((HtmlButton) consent.getHtmlElementById("allow").getFirstByXPath(".//button")).click()
					.getWebResponse()
					.getResponseHeaderValue("Location");
			}
			code = new AuthorizationCode(TestSite.parameter(URI.create(location), "code"));
		}
		OIDCTokenResponse tokens = (OIDCTokenResponse) site.redeem(code, verifier).toSuccessResponse();
		lastTokens = tokens;
		String subject = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
		UserInfoResponse userInfo = UserInfoResponse
			.parse(new UserInfoRequest(site.endpoint("/userinfo"), tokens.getOIDCTokens().getBearerAccessToken())
				.toHTTPRequest()
				.send());
		assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject().getValue()).isEqualTo(subject);
		return subject;
	}

	private static String pathOf(URI uri) {
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

}
