package club.icourse.auth.system;

import club.icourse.web.SecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import club.icourse.auth.AuthServerTest;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@AuthServerTest
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/login", "/register", "/password/forgot", "/account", "/admin",
			"/oauth2/authorize?client_id=nobody", "/.well-known/openid-configuration", "/no-such-page",
			"/css/site.css" })
	void everyAnswerCarriesThePolicies(String path) throws IOException, InterruptedException {
		HttpHeaders headers = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.headers();

		assertThat(headers.firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'", "script-src 'self';")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(headers.firstValue("Permissions-Policy")).hasValue(SecurityHeaders.PERMISSIONS_POLICY);
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("Strict-Transport-Security")).as("only over https").isEmpty();
	}

	@Test
	void hstsIsSentOverHttps() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();

		assertThat(mvc.perform(get("/login").secure(true))
			.andReturn()
			.getResponse()
			.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
	}

}
