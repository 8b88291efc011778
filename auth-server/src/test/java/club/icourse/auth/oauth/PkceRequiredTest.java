package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** PKCE is required of confidential clients too (OAuth 2.1, RFC 9700 2.1.1). */
@AuthServerTest
class PkceRequiredTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void aConfidentialClientWithoutACodeChallengeIsRefusedAtItsRedirectUri() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		State state = new State();
		URI request = new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid"),
				new ClientID(site.clientId), site.callback)
			.endpointURI(site.endpoint("/oauth2/authorize"))
			.state(state)
			.nonce(new Nonce())
			.build()
			.toURI();
		try (Browser browser = new Browser(port)) {
			browser.signIn(person.email(), person.password());
			URI back = TestSite.follow(browser, request);
			assertThat(back.toString()).startsWith(site.callback.toString());
			assertThat(TestSite.parameter(back, "error")).isEqualTo("invalid_request");
			assertThat(TestSite.parameter(back, "state")).isEqualTo(state.getValue());
		}
	}

}
