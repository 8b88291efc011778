package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * What the provider refuses, and how: errors go back to the site only when its redirect
 * URI is trusted.
 */
@AuthServerTest
class RefusalTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	DSLContext dsl;

	private TestSite site;

	private Person person;

	@BeforeEach
	void registerSiteAndPerson() throws IOException {
		site = new TestSite(clients, port);
		person = TestAccounts.registerAndConfirm(port);
	}

	@Test
	void anUnknownClientOrAnUnregisteredRedirectIsRefusedWithoutRedirecting() throws IOException {
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI unknownClient = URI
				.create(site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid", TestSite.CALLBACK)
					.toString()
					.replace(site.clientId, "no-such-client"));
			assertThat(status(browser, unknownClient)).isEqualTo(400);

			URI foreignRedirect = site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid",
					URI.create("https://evil.example/steal"));
			WebResponse refused = load(browser, foreignRedirect);
			assertThat(refused.getStatusCode()).isEqualTo(400);
			assertThat(refused.getResponseHeaderValue("Location")).isNull();

			URI prefixOfRegistered = site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid",
					URI.create(TestSite.CALLBACK + "/more"));
			assertThat(status(browser, prefixOfRegistered)).isEqualTo(400);
		}
	}

	/**
	 * What a person sees when no redirect is allowed says which part of the site's
	 * request was wrong (the OIDF suite's reviewer checks that the page says the redirect
	 * URI is invalid), not only "something went wrong".
	 */
	@Test
	void theRefusalPageSaysWhatWasWrongWithTheRequest() throws IOException {
		try (Browser browser = new Browser(port)) {
			WebResponse foreignRedirect = page(browser, site.authorizationRequest(new CodeVerifier(), new Nonce(),
					"openid", URI.create("https://evil.example/steal")));
			assertThat(foreignRedirect.getStatusCode()).isEqualTo(400);
			assertThat(foreignRedirect.getContentAsString()).contains("This sign-in request was refused")
				.contains("an address it has not registered (redirect_uri)")
				.contains("error invalid_request, parameter redirect_uri");

			WebResponse unknownClient = page(browser,
					URI.create(site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid", TestSite.CALLBACK)
						.toString()
						.replace(site.clientId, "no-such-client")));
			assertThat(unknownClient.getStatusCode()).isEqualTo(400);
			assertThat(unknownClient.getContentAsString()).contains("not known to iCourse ID")
				.contains("parameter client_id");
		}
	}

	/**
	 * RFC 6749 4.1.2.1: a request whose client and redirect URI are good goes back to the
	 * site with its error, also when the response type is missing (the framework alone
	 * showed an error page).
	 */
	@Test
	void aMissingResponseTypeIsAnErrorSentBackToTheSite() throws IOException {
		try (Browser browser = new Browser(port)) {
			URI withoutResponseType = URI
				.create(site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid", TestSite.CALLBACK)
					.toString()
					.replaceAll("response_type=code&?", ""));
			assertThat(withoutResponseType.getQuery()).doesNotContain("response_type");
			URI back = TestSite.follow(browser, withoutResponseType);
			assertThat(back.toString()).startsWith(TestSite.CALLBACK.toString());
			assertThat(TestSite.parameter(back, "error")).isEqualTo("invalid_request");
			assertThat(TestSite.parameter(back, "state")).isNotNull();

			WebResponse withoutRegisteredRedirect = load(browser,
					URI.create(withoutResponseType.toString()
						.replace(URLEncoder.encode(TestSite.CALLBACK.toString(), StandardCharsets.UTF_8),
								"https%3A%2F%2Fevil.example%2Fsteal")));
			assertThat(withoutRegisteredRedirect.getStatusCode()).isEqualTo(400);
			assertThat(withoutRegisteredRedirect.getResponseHeaderValue("Location")).isNull();
		}
	}

	@Test
	void aScopeTheClientMayNotAskForIsAnErrorSentBackToTheSite() throws IOException {
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI back = TestSite.follow(browser,
					site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid admin", TestSite.CALLBACK));
			assertThat(back.toString()).startsWith(TestSite.CALLBACK.toString());
			assertThat(TestSite.parameter(back, "error")).isEqualTo("invalid_scope");
		}
	}

	@Test
	void aCodeNeedsItsPkceVerifierAndWorksOnlyOnce() throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code = site.code(person, verifier, new Nonce());

		TokenResponse wrongVerifier = site.redeem(code, new CodeVerifier());
		assertThat(wrongVerifier.indicatesSuccess()).isFalse();
		assertThat(wrongVerifier.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");

		CodeVerifier second = new CodeVerifier();
		AuthorizationCode fresh = site.code(person, second, new Nonce());
		assertThat(site.redeem(fresh, second).indicatesSuccess()).isTrue();
		TokenResponse reused = site.redeem(fresh, second);
		assertThat(reused.indicatesSuccess()).isFalse();
		assertThat(reused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
	}

	@Test
	void anExpiredCodeIsRefused() throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code = site.code(person, verifier, new Nonce());
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		dsl.update(DSL.table("oauth2_authorization"))
			.set(DSL.field("authorization_code_issued_at", LocalDateTime.class), now.minusMinutes(10))
			.set(DSL.field("authorization_code_expires_at", LocalDateTime.class), now.minusMinutes(5))
			.where(DSL.field("authorization_code_value", String.class).eq(code.getValue()))
			.execute();

		TokenResponse expired = site.redeem(code, verifier);
		assertThat(expired.indicatesSuccess()).isFalse();
		assertThat(expired.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
	}

	@Test
	void aWrongClientSecretIsRefused() throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code = site.code(person, verifier, new Nonce());
		TokenResponse refused = OIDCTokenResponseParser.parse(new TokenRequest(site.endpoint("/oauth2/token"),
				new ClientSecretBasic(new ClientID(site.clientId), new Secret("wrong")),
				new AuthorizationCodeGrant(code, TestSite.CALLBACK, verifier))
			.toHTTPRequest()
			.send());
		assertThat(refused.indicatesSuccess()).isFalse();
		assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
	}

	private static int status(Browser browser, URI uri) throws IOException {
		return load(browser, uri).getStatusCode();
	}

	/** The response a browser asking for a page gets. */
	private static WebResponse page(Browser browser, URI uri) throws IOException {
		browser.client().getOptions().setRedirectEnabled(false);
		WebRequest request = new WebRequest(uri.toURL());
		request.setAdditionalHeader("Accept", "text/html,application/xhtml+xml");
		return browser.client().loadWebResponse(request);
	}

	private static WebResponse load(Browser browser, URI uri) throws IOException {
		browser.client().getOptions().setRedirectEnabled(false);
		return browser.client().loadWebResponse(new WebRequest(uri.toURL()));
	}

}
