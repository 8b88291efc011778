package club.icourse.reviewapp.system;

import club.icourse.web.SecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@ReviewAppTest
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	DSLContext dsl;

	@Test
	void everyAnswerCarriesThePolicies() throws IOException, InterruptedException {
		long course = new TestCatalogue(dsl).course("Headers " + System.nanoTime());
		for (String path : List.of("/", "/courses", "/courses/" + course, "/search?q=a", "/search/suggestions?q=a",
				"/stats", "/announcements", "/settings", "/admin/reports", "/no-such-page", "/css/site.css",
				"/feeds/reviews")) {
			HttpHeaders headers = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.discarding())
				.headers();

			assertThat(headers.firstValue("Content-Security-Policy")).as(path)
				.hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
			assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(headers.firstValue("Permissions-Policy")).as(path).hasValue(SecurityHeaders.PERMISSIONS_POLICY);
			assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(headers.firstValue("Strict-Transport-Security")).as("%s: only over https", path).isEmpty();
		}
		assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'", "script-src 'self';")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Test
	void hstsIsSentOverHttps() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();

		assertThat(mvc.perform(get("/courses").secure(true))
			.andReturn()
			.getResponse()
			.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
	}

}
