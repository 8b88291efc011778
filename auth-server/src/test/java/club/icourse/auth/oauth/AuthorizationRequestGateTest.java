package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Requests answered at the site without any page (prompt=none, request objects, foreign
 * request URIs), and only once the client and redirect URI are known to be good.
 */
@AuthServerTest
class AuthorizationRequestGateTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void promptNoneWithoutASessionAnswersLoginRequiredAtTheSiteWithItsState() throws Exception {
		TestSite site = new TestSite(clients, port);
		URI request = withExtra(site, "prompt=none");
		try (Browser browser = new Browser(port)) {
			URI back = TestSite.follow(browser, request);
			assertThat(back.toString()).startsWith(TestSite.CALLBACK.toString());
			assertThat(TestSite.parameter(back, "error")).isEqualTo("login_required");
			assertThat(TestSite.parameter(back, "state")).isEqualTo(TestSite.parameter(request, "state"));
		}
	}

	@Test
	void promptNoneWithAnUnregisteredRedirectUriIsAnErrorPageNotARedirect() throws Exception {
		TestSite site = new TestSite(clients, port);
		URI request = URI.create(site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid",
				URI.create("http://127.0.0.1:9/elsewhere")) + "&prompt=none");
		try (Browser browser = new Browser(port)) {
			WebResponse response = load(browser, request);
			assertThat(response.getStatusCode()).isEqualTo(400);
			assertThat(response.getResponseHeaderValue("Location")).isNull();
		}
	}

	@Test
	void promptNoneWhenConsentIsNeededAnswersConsentRequired() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite thirdParty = new TestSite(clients, port, TestSite.CALLBACK, false);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			// openid alone needs no consent; profile does.
			URI back = TestSite.follow(browser, URI.create(thirdParty.authorizationRequest(new CodeVerifier(),
					new Nonce(), "openid profile", thirdParty.callback) + "&prompt=none"));
			assertThat(back.toString()).startsWith(TestSite.CALLBACK.toString());
			assertThat(TestSite.parameter(back, "error")).isEqualTo("consent_required");
		}
	}

	@Test
	void aRequestObjectIsRefusedAtTheSite() throws Exception {
		TestSite site = new TestSite(clients, port);
		URI request = withExtra(site, "request=eyJhbGciOiJub25lIn0.eyJzdGF0ZSI6IngifQ.");
		try (Browser browser = new Browser(port)) {
			URI back = TestSite.follow(browser, request);
			assertThat(back.toString()).startsWith(TestSite.CALLBACK.toString());
			assertThat(TestSite.parameter(back, "error")).isEqualTo("request_not_supported");
			assertThat(TestSite.parameter(back, "state")).isEqualTo(TestSite.parameter(request, "state"));
		}
	}

	@Test
	void aRequestUriThatIsNotOneOfOurPushedRequestsIsRefusedAtTheSite() throws Exception {
		TestSite site = new TestSite(clients, port);
		URI request = withExtra(site,
				"request_uri=" + URLEncoder.encode("https://site.example/request.jwt", StandardCharsets.UTF_8));
		try (Browser browser = new Browser(port)) {
			URI back = TestSite.follow(browser, request);
			assertThat(back.toString()).startsWith(TestSite.CALLBACK.toString());
			assertThat(TestSite.parameter(back, "error")).isEqualTo("request_uri_not_supported");
		}
		URI unknownClient = URI.create(site.endpoint("/oauth2/authorize") + "?client_id=nobody&request_uri="
				+ URLEncoder.encode("https://site.example/request.jwt", StandardCharsets.UTF_8) + "&redirect_uri="
				+ URLEncoder.encode(TestSite.CALLBACK.toString(), StandardCharsets.UTF_8));
		try (Browser browser = new Browser(port)) {
			assertThat(load(browser, unknownClient).getStatusCode()).isEqualTo(400);
		}
	}

	@Test
	void promptLoginFromAnUnknownClientDoesNotSignThePersonOut() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI forged = URI.create(withExtra(site, "prompt=login").toString()
				.replace("client_id=" + site.clientId, "client_id=unknown-site"));
			assertThat(load(browser, forged).getStatusCode()).isEqualTo(400);
			URI wrongRedirect = URI.create(site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid",
					URI.create("http://127.0.0.1:9/elsewhere")) + "&prompt=login");
			assertThat(load(browser, wrongRedirect).getStatusCode()).isEqualTo(400);

			URI stillSignedIn = TestSite.follow(browser,
					site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid", TestSite.CALLBACK));
			assertThat(stillSignedIn.toString()).startsWith(TestSite.CALLBACK.toString()).contains("code=");
		}
	}

	@Test
	void aPostAuthorizationRequestSurvivesTheSignIn() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		URI request = site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid", site.callback);
		WebRequest post = new WebRequest(site.endpoint("/oauth2/authorize").toURL(), HttpMethod.POST);
		post.setRequestParameters(Arrays.stream(request.getRawQuery().split("&"))
			.map(pair -> pair.split("=", 2))
			.map(pair -> new NameValuePair(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8)))
			.toList());
		try (Browser browser = new Browser(port)) {
			HtmlPage login = browser.client().getPage(post);
			assertThat(login.getUrl().getPath()).isEqualTo("/login");
			browser.client().getOptions().setRedirectEnabled(false);
			HtmlForm form = login.getForms()
				.stream()
				.filter(candidate -> candidate.getActionAttribute().endsWith("/login"))
				.findFirst()
				.orElseThrow();
			form.getInputByName("username").setValue(person.email());
			form.getInputByName("password").setValue(person.password());
			Page signedIn = ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
			String next = signedIn.getWebResponse().getResponseHeaderValue("Location");
			URI back = TestSite.follow(browser, request.resolve(next));
			assertThat(back.toString()).as("the authorization goes on, not to /account")
				.startsWith(site.callback.toString())
				.contains("code=");
			assertThat(TestSite.parameter(back, "state")).isEqualTo(TestSite.parameter(request, "state"));
		}
	}

	private static URI withExtra(TestSite site, String extra) {
		return URI
			.create(site.authorizationRequest(new CodeVerifier(), new Nonce(), "openid", site.callback) + "&" + extra);
	}

	private static WebResponse load(Browser browser, URI request) throws IOException {
		browser.client().getOptions().setRedirectEnabled(false);
		return browser.client().loadWebResponse(new WebRequest(request.toURL()));
	}

}
