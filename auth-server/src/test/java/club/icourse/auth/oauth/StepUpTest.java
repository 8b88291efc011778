package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.SoftwareAuthenticator;
import club.icourse.auth.SoftwareAuthenticator.Answer;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.TestTotp;
import club.icourse.auth.passkeys.PasskeySettings;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * How the person signed in reaches the site ({@code amr}, {@code acr}), and a site that
 * asks for the multi-factor level ({@code acr_values}, or an essential {@code acr} in the
 * {@code claims} parameter) gets it: the person is sent to the second step (a code or a
 * passkey), or to set one up, before the code is issued.
 */
@AuthServerTest
class StepUpTest {

	private static final String SECOND_STEP = "/login/second-factor";

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	PasskeySettings passkeys;

	@Test
	void aSiteAskingForMultiFactorGetsItAfterThePersonSetsUpASecondFactor() throws Exception {
		TestSite site = new TestSite(clients, port);
		Person person = TestAccounts.registerAndConfirm(port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			JWTClaimsSet single = idToken(site, browser, null);
			assertThat(single.getStringClaim("acr")).isEqualTo(AuthenticationMethods.SINGLE_FACTOR);
			assertThat(single.getStringListClaim("amr")).containsExactly("pwd");

			// Both levels acceptable: no step-up.
			assertThat(idToken(site, browser,
					AuthenticationMethods.MULTI_FACTOR + " " + AuthenticationMethods.SINGLE_FACTOR)
				.getStringClaim("acr")).isEqualTo(AuthenticationMethods.SINGLE_FACTOR);

			CodeVerifier verifier = new CodeVerifier();
			URI stepUp = TestSite.follow(browser, request(site, verifier, AuthenticationMethods.MULTI_FACTOR));
			assertThat(stepUp.getPath()).isEqualTo(SECOND_STEP);
			browser.client().getOptions().setRedirectEnabled(true);
			HtmlPage setUp = browser.open(SECOND_STEP);
			assertThat(setUp.getUrl().getPath()).isEqualTo("/account/security");
			TestTotp app = TestTotp.enrol(browser, setUp, person.password());

			String onwards = ((HtmlAnchor) app.confirmation().getElementById("continue")).getHrefAttribute();
			URI callback = TestSite.follow(browser, URI.create("http://localhost:" + port).resolve(onwards));
			JWTClaimsSet multi = redeem(site, new AuthorizationCode(TestSite.parameter(callback, "code")), verifier);
			assertThat(multi.getStringClaim("acr")).isEqualTo(AuthenticationMethods.MULTI_FACTOR);
			assertThat(multi.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "otp", "mfa");
		}
	}

	@Test
	void aPersonWithASecondFactorSignsInToASiteWithBoth() throws Exception {
		TestSite site = new TestSite(clients, port);
		Person person = TestAccounts.registerAndConfirm(port);
		TestTotp app;
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			app = TestTotp.enrol(browser, person.password());
		}
		try (Browser browser = new Browser(port)) {
			browser.submit(browser.signIn(person.email(), person.password()), SECOND_STEP, "code", app.nextCode());
			JWTClaimsSet claims = idToken(site, browser, AuthenticationMethods.MULTI_FACTOR);
			assertThat(claims.getStringClaim("acr")).isEqualTo(AuthenticationMethods.MULTI_FACTOR);
			assertThat(claims.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "otp", "mfa");
		}
		try (Browser browser = new Browser(port)) {
			// The password alone gets no code, whatever the site asks for.
			browser.signIn(person.email(), person.password());
			URI stopped = TestSite.follow(browser, request(site, new CodeVerifier(), null));
			assertThat(stopped.getPath()).isEqualTo(SECOND_STEP);
		}
	}

	@Test
	void anEssentialAcrInTheClaimsParameterAsksForStepUpAndAPasskeyAfterThePasswordGivesIt() throws Exception {
		TestSite site = new TestSite(clients, port);
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = new SoftwareAuthenticator(passkeys.rpId(), false);
		String origin = passkeys.origins().getFirst();
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			assertThat(passkey.register(browser, origin, "Laptop").status()).isEqualTo(200);
		}
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			// A voluntary acr, or an essential one that a single factor satisfies: no
			// step-up.
			for (String claims : List.of(acrClaim(false, AuthenticationMethods.MULTI_FACTOR),
					acrClaim(true, AuthenticationMethods.MULTI_FACTOR, AuthenticationMethods.SINGLE_FACTOR))) {
				CodeVerifier verifier = new CodeVerifier();
				URI callback = TestSite.follow(browser, request(site, verifier, "claims", claims));
				assertThat(redeem(site, new AuthorizationCode(TestSite.parameter(callback, "code")), verifier)
					.getStringClaim("acr")).as(claims).isEqualTo(AuthenticationMethods.SINGLE_FACTOR);
			}

			CodeVerifier verifier = new CodeVerifier();
			URI stepUp = TestSite.follow(browser,
					request(site, verifier, "claims", acrClaim(true, AuthenticationMethods.MULTI_FACTOR)));
			assertThat(stepUp.getPath()).isEqualTo(SECOND_STEP);
			browser.client().getOptions().setRedirectEnabled(true);
			Answer shown = passkey.secondStep(browser, origin);
			assertThat(shown.status()).as(shown.body().toString()).isEqualTo(200);
			URI next = URI.create(shown.body().get("redirectUrl").asString());
			assertThat(next.getPath()).as("back to the request").isEqualTo("/oauth2/authorize");

			URI callback = TestSite.follow(browser, next);
			JWTClaimsSet multi = redeem(site, new AuthorizationCode(TestSite.parameter(callback, "code")), verifier);
			assertThat(multi.getStringClaim("acr")).isEqualTo(AuthenticationMethods.MULTI_FACTOR);
			assertThat(multi.getStringListClaim("amr")).containsExactly("hwk", "mfa", "pwd");
		}
	}

	private JWTClaimsSet idToken(TestSite site, Browser browser, String acrValues) throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		URI callback = TestSite.follow(browser, request(site, verifier, acrValues));
		return redeem(site, new AuthorizationCode(TestSite.parameter(callback, "code")), verifier);
	}

	private static URI request(TestSite site, CodeVerifier verifier, String acrValues) {
		return request(site, verifier, "acr_values", acrValues);
	}

	private static URI request(TestSite site, CodeVerifier verifier, String parameter, String value) {
		URI request = site.authorizationRequest(verifier, new Nonce(), "openid profile", site.callback);
		return value == null ? request
				: URI.create(request + "&" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

	/** The {@code claims} parameter asking for {@code acr} in the ID token. */
	private static String acrClaim(boolean essential, String... values) {
		return JSONObjectUtils
			.toJSONString(Map.of("id_token", Map.of("acr", Map.of("essential", essential, "values", List.of(values)))));
	}

	private static JWTClaimsSet redeem(TestSite site, AuthorizationCode code, CodeVerifier verifier) throws Exception {
		OIDCTokenResponse tokens = (OIDCTokenResponse) site.redeem(code, verifier).toSuccessResponse();
		return tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
	}

}
