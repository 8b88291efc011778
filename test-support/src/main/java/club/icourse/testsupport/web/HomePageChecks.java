package club.icourse.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The home page answers over HTTP in the browser's language, switches on {@code ?lang=}
 * and remembers it, and takes its stylesheet from the webjar, never from a CDN.
 */
public abstract class HomePageChecks extends AppChecks {

	private final String chineseTitle;

	private final String englishTitle;

	protected HomePageChecks(String chineseTitle, String englishTitle) {
		this.chineseTitle = chineseTitle;
		this.englishTitle = englishTitle;
	}

	@Test
	public void answersOverHttpInTheBrowsersLanguage() throws IOException, InterruptedException {
		HttpResponse<String> chinese = get("/", "zh-CN,zh;q=0.9");
		HttpResponse<String> english = get("/", "en-US,en;q=0.9");

		assertThat(chinese.statusCode()).isEqualTo(200);
		assertThat(chinese.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).contains("text/html"));
		assertThat(chinese.body()).contains("<title>" + this.chineseTitle + "</title>", "lang=\"zh-CN\"");
		assertThat(english.body()).contains("<title>" + this.englishTitle + "</title>");
	}

	@Test
	public void switchesLanguageOnRequestAndRemembersIt() throws IOException, InterruptedException {
		HttpResponse<String> switched = get("/?lang=en", "zh-CN");

		assertThat(switched.body()).contains("<title>" + this.englishTitle + "</title>");
		assertThat(switched.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("lang=en"));
	}

	@Test
	public void servesTheStylesheetFromTheWebjarWithoutACdn() throws IOException, InterruptedException {
		assertThat(get("/webjars/bootstrap/css/bootstrap.min.css", "en").statusCode()).isEqualTo(200);
		assertThat(get("/", "en").body()).doesNotContain("cdn.");
	}

	private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
		return get(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", language));
	}

}
