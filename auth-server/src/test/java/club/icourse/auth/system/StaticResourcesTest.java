package club.icourse.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
class StaticResourcesTest {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|img|js)/[^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void pagesLinkStaticAssetsByContentHashAndTheyAreCachedForAYear() throws Exception {
		HttpResponse<String> login = get("/login");
		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(login.body());
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}

		assertThat(assets).anyMatch(asset -> asset.matches("/css/site-[0-9a-f]{32}\\.css"))
			.anyMatch(asset -> asset.matches("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css"))
			.anyMatch(asset -> asset.matches("/img/logo-[0-9a-f]{32}\\.svg"));
		for (String asset : assets) {
			HttpResponse<String> answer = get(asset);
			assertThat(answer.statusCode()).as(asset).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(asset)
				.hasValue("max-age=31536000, public, immutable");
		}
		assertThat(login.body()).as("links to pages are left alone").contains("href=\"/register\"");
	}

	@Test
	void everyStaticFileIsServed() throws Exception {
		Path root = Path.of("src/main/resources/static");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String path = "/" + root.relativize(file).toString().replace('\\', '/');
				assertThat(get(path).statusCode()).as(path + ": is its folder in StaticResources.FOLDERS?")
					.isEqualTo(200);
			}
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
