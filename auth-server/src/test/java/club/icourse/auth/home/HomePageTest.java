package club.icourse.auth.home;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
class HomePageTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void answersOverHttpInTheBrowsersLanguage() throws IOException, InterruptedException {
		HttpResponse<String> chinese = get("/", "zh-CN,zh;q=0.9");
		HttpResponse<String> english = get("/", "en-US,en;q=0.9");

		assertThat(chinese.statusCode()).isEqualTo(200);
		assertThat(chinese.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).contains("text/html"));
		assertThat(chinese.body()).contains("<title>iCourse 统一身份</title>", "lang=\"zh-CN\"");
		assertThat(english.body()).contains("<title>iCourse ID</title>");
	}

	@Test
	void switchesLanguageOnRequestAndRemembersIt() throws IOException, InterruptedException {
		HttpResponse<String> switched = get("/?lang=en", "zh-CN");

		assertThat(switched.body()).contains("<title>iCourse ID</title>");
		assertThat(switched.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("lang=en"));
	}

	@Test
	void servesTheStylesheetFromTheWebjarWithoutACdn() throws IOException, InterruptedException {
		assertThat(get("/webjars/bootstrap/css/bootstrap.min.css", "en").statusCode()).isEqualTo(200);
		assertThat(get("/", "en").body()).doesNotContain("cdn.");
	}

	private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept-Language", language)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
