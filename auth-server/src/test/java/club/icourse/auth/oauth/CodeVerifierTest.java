package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** A code is spent by one attempt with a wrong code_verifier (RFC 9700 4.8). */
@AuthServerTest
class CodeVerifierTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void aCodeIsRefusedAfterOneWrongVerifier() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code = site.code(person, verifier, new Nonce());

		TokenResponse wrong = site.redeem(code, new CodeVerifier());
		assertThat(wrong.indicatesSuccess()).isFalse();
		assertThat(((TokenErrorResponse) wrong).getErrorObject().getCode()).isEqualTo("invalid_grant");

		TokenResponse right = site.redeem(code, verifier);
		assertThat(right.indicatesSuccess()).as("the right verifier comes too late").isFalse();
		assertThat(((TokenErrorResponse) right).getErrorObject().getCode()).isEqualTo("invalid_grant");
	}

	@Test
	void theRightVerifierStillRedeemsAnUntouchedCode() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		TestSite site = new TestSite(clients, port);
		CodeVerifier verifier = new CodeVerifier();
		assertThat(site.redeem(site.code(person, verifier, new Nonce()), verifier).indicatesSuccess()).isTrue();
	}

}
