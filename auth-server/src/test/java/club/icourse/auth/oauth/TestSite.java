package club.icourse.auth.oauth;

import club.icourse.auth.clients.KnownClients;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A registered client driven with the Nimbus SDK, as a third-party site would drive this
 * provider.
 */
public final class TestSite {

	static final URI CALLBACK = URI.create("http://127.0.0.1:9/callback");
	static final URI SIGNED_OUT = URI.create("http://127.0.0.1:9/signed-out");

	final String clientId;

	final String secret;

	final ClientAuthentication authentication;

	final URI callback;

	private final int port;

	/** A first-party client (no consent page, the account's own subject). */
	TestSite(RegisteredClientRepository clients, int port) {
		this(clients, port, CALLBACK, true);
	}

	public TestSite(RegisteredClientRepository clients, int port, URI callback, boolean firstParty) {
		this(clients, port, callback, firstParty, null);
	}

	TestSite(RegisteredClientRepository clients, int port, URI callback, boolean firstParty,
			String backchannelLogoutUri) {
		this(clients, port, callback, firstParty, backchannelLogoutUri, null);
	}

	/** A third-party site that may ask for these scopes. */
	TestSite(RegisteredClientRepository clients, int port, URI callback, Set<String> scopes) {
		this(clients, port, callback, false, null, scopes);
	}

	private TestSite(RegisteredClientRepository clients, int port, URI callback, boolean firstParty,
			String backchannelLogoutUri, Set<String> scopes) {
		this("site-" + UUID.randomUUID(), ClientSecrets.generate(), port, callback);
		clients.save(KnownClients.toRegistered(new KnownClients.Client(clientId, "Site " + clientId.substring(5, 13),
				secret, List.of(callback.toString()), List.of(SIGNED_OUT.toString()), firstParty, backchannelLogoutUri,
				scopes, false), UUID.randomUUID().toString()));
	}

	private TestSite(String clientId, String secret, int port, URI callback) {
		this.clientId = clientId;
		this.secret = secret;
		this.authentication = new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
		this.port = port;
		this.callback = callback;
	}

	/** A site for a client registered elsewhere (the developer portal). */
	public static TestSite registered(String clientId, String secret, int port, URI callback) {
		return new TestSite(clientId, secret, port, callback);
	}

	URI endpoint(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** The authorization request a site sends the person's browser to. */
	public URI authorizationRequest(CodeVerifier verifier, Nonce nonce, String scope, URI redirect) {
		return new AuthenticationRequest.Builder(new ResponseType("code"), Scope.parse(scope), new ClientID(clientId),
				redirect)
			.endpointURI(endpoint("/oauth2/authorize"))
			.state(new State())
			.nonce(nonce)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.build()
			.toURI();
	}

	/**
	 * Where the provider sends the browser back, for a person already signed in there.
	 */
	public static URI follow(Browser browser, URI authorizationRequest) throws IOException {
		browser.client().getOptions().setRedirectEnabled(false);
		WebResponse response = browser.client().loadWebResponse(new WebRequest(authorizationRequest.toURL()));
		assertThat(response.getStatusCode()).as(response.getContentAsString()).isEqualTo(302);
		URI location = URI.create(response.getResponseHeaderValue("Location"));
		return location.isAbsolute() ? location : authorizationRequest.resolve(location);
	}

	/** The code the person's browser brings back, after signing in. */
	AuthorizationCode code(Person person, CodeVerifier verifier, Nonce nonce) throws IOException {
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			return code(browser, verifier, nonce);
		}
	}

	/** The code a browser already signed in at the provider brings back. */
	AuthorizationCode code(Browser browser, CodeVerifier verifier, Nonce nonce) throws IOException {
		return new AuthorizationCode(parameter(
				follow(browser, authorizationRequest(verifier, nonce, "openid profile email school", callback)),
				"code"));
	}

	public TokenResponse redeem(AuthorizationCode code, CodeVerifier verifier) throws Exception {
		return OIDCTokenResponseParser.parse(new TokenRequest(endpoint("/oauth2/token"), authentication,
				new AuthorizationCodeGrant(code, callback, verifier))
			.toHTTPRequest()
			.send());
	}

	/** The whole sign-in: the tokens a site holds afterwards. */
	OIDCTokenResponse signIn(Person person) throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		TokenResponse response = redeem(code(person, verifier, new Nonce()), verifier);
		assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
		return (OIDCTokenResponse) response.toSuccessResponse();
	}

	public static String parameter(URI uri, String name) {
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				String[] parts = pair.split("=", 2);
				if (parts[0].equals(name)) {
					return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("No " + name + " in " + uri);
	}

}
