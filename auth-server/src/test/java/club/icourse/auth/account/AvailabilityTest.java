package club.icourse.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registration form's live checks: usernames may be checked for being free; addresses
 * never are.
 */
@AuthServerTest
class AvailabilityTest {

	@LocalServerPort
	int port;

	@Test
	void saysWhetherAUsernameIsFreeAndWhy() throws IOException, InterruptedException {
		Person taken = TestAccounts.registerAndConfirm(port);

		assertThat(check("username", "free-" + System.nanoTime())).contains("\"ok\":true");
		assertThat(check("username", taken.username().toUpperCase())).contains("\"ok\":false",
				"This username is taken.");
		assertThat(check("username", "admin")).contains("\"ok\":false", "reserved");
	}

	@Test
	void completesAMailboxNameAndNeverTellsWhetherAnAddressHasAnAccount() throws IOException, InterruptedException {
		Person taken = TestAccounts.registerAndConfirm(port);

		assertThat(check("email", "zhangsan")).contains("zhangsan@mail.ustc.edu.cn", "zhangsan@ustc.edu.cn");
		assertThat(check("email", "x@gmail.com")).contains("\"ok\":false", "university email");
		assertThat(check("email", taken.email()))
			.isEqualTo(check("email", "nobody" + System.nanoTime() + "@mail.ustc.edu.cn"));
		assertThat(check("email", "t@ustc.edu.cn")).contains("\"ok\":true", "teacher address");
	}

	private String check(String field, String value) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/register/check/" + field + "?value="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8)))
				.header("Accept", "application/json")
				.header("Accept-Language", "en")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
