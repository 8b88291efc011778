package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.SoftwareAuthenticator;
import club.icourse.auth.SoftwareAuthenticator.Answer;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.passkeys.PasskeySettings;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A site's authorization request that needs a sign-in goes on after a sign-in with a
 * passkey alone, and the ID token says how: {@code hwk} for a passkey bound to its
 * device, {@code swk} for a synced one, {@code mfa} for both (user verification is
 * required) and the multi-factor {@code acr}, never {@code pwd}.
 */
@AuthServerTest
class PasskeySignInFlowTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	PasskeySettings settings;

	@Test
	void theAuthorizationRequestGoesOnAfterAPasskeyBoundToItsDevice() throws Exception {
		assertThat(amrAfterPasskeySignIn(false)).isEqualTo(List.of("hwk", "mfa"));
	}

	@Test
	void aSyncedPasskeyIsASoftwareKey() throws Exception {
		assertThat(amrAfterPasskeySignIn(true)).isEqualTo(List.of("mfa", "swk"));
	}

	private List<String> amrAfterPasskeySignIn(boolean synced) throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		SoftwareAuthenticator passkey = new SoftwareAuthenticator(settings.rpId(), synced);
		String origin = settings.origins().getFirst();
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			assertThat(passkey.register(browser, origin, "Phone").status()).isEqualTo(200);
		}
		TestSite site = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		try (Browser browser = new Browser(port)) {
			URI request = site.authorizationRequest(verifier, new Nonce(), "openid", site.callback);
			HtmlPage login = browser.client().getPage(request.toURL());
			assertThat(login.getUrl().getPath()).isEqualTo("/login");

			Answer signedIn = passkey.signIn(browser, origin);
			assertThat(signedIn.status()).as(signedIn.body().toString()).isEqualTo(200);
			URI next = URI.create(signedIn.body().get("redirectUrl").asString());
			assertThat(next.getPath()).as("back to the interrupted request").isEqualTo("/oauth2/authorize");

			URI back = TestSite.follow(browser, next);
			TokenResponse tokens = site.redeem(new AuthorizationCode(TestSite.parameter(back, "code")), verifier);
			assertThat(tokens.indicatesSuccess()).isTrue();
			JWTClaimsSet idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens()
				.getIDToken()
				.getJWTClaimsSet();
			assertThat(idToken.getStringClaim("acr")).isEqualTo(AuthenticationMethods.MULTI_FACTOR);
			return idToken.getStringListClaim("amr");
		}
	}

}
