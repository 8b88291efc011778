package club.icourse.auth.oauth;

import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;

/** Signing in at a test site through the consent page, when the site asks for one. */
public final class ThirdPartySignIn {

	/** In a browser already signed in at the provider; returns the site's tokens. */
	static OIDCTokenResponse signInAllowing(Browser browser, TestSite site) throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		URI next = TestSite.follow(browser,
				site.authorizationRequest(verifier, new Nonce(), "openid profile email school", site.callback));
		String location = next.toString();
		if (next.getPath().equals("/oauth2/consent")) {
			HtmlPage consent = browser.open(next.getRawPath() + "?" + next.getRawQuery());
			location = ((HtmlButton) consent.getHtmlElementById("allow").getFirstByXPath(".//button")).click()
				.getWebResponse()
				.getResponseHeaderValue("Location");
		}
		browser.client().getOptions().setRedirectEnabled(true);
		AuthorizationCode code = new AuthorizationCode(TestSite.parameter(URI.create(location), "code"));
		return (OIDCTokenResponse) site.redeem(code, verifier).toSuccessResponse();
	}

	/** Signs the person in at the provider first, in a browser of its own. */
	public static OIDCTokenResponse signInAllowing(int port, TestSite site, Person person) throws Exception {
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			return signInAllowing(browser, site);
		}
	}

	private ThirdPartySignIn() {
	}

}
