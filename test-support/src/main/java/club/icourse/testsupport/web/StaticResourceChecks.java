package club.icourse.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page links the static assets by their content hash (the site stylesheet, Bootstrap,
 * the logo, the favicon), every asset is cached for a year, links to pages are left
 * alone, and every file under {@code static/} is served.
 */
public abstract class StaticResourceChecks extends AppChecks {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|img|js)/[^\"]+)\"");

	private final String page;

	private final String pageLink;

	private final List<String> moreAssets;

	/**
	 * @param page the page whose links are read
	 * @param pageLink a link of that page to another page, which must be left alone
	 * @param moreAssets patterns of the page's own further hashed asset addresses
	 */
	protected StaticResourceChecks(String page, String pageLink, String... moreAssets) {
		this.page = page;
		this.pageLink = pageLink;
		this.moreAssets = List.of(moreAssets);
	}

	@Test
	public void pagesLinkStaticAssetsByContentHashAndTheyAreCachedForAYear() throws Exception {
		HttpResponse<String> page = get(this.page);
		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(page.body());
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}

		assertThat(assets).anyMatch(asset -> asset.matches("/css/site-[0-9a-f]{32}\\.css"))
			.anyMatch(asset -> asset.matches("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css"))
			.anyMatch(asset -> asset.matches("/img/logo-[0-9a-f]{32}\\.svg"));
		for (String more : this.moreAssets) {
			assertThat(assets).anyMatch(asset -> asset.matches(more));
		}
		assertThat(page.body()).as("the favicon")
			.containsPattern("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"/img/logo-");
		for (String asset : assets) {
			HttpResponse<String> answer = get(asset);
			assertThat(answer.statusCode()).as(asset).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(asset)
				.hasValue("max-age=31536000, public, immutable");
		}
		assertThat(page.body()).as("links to pages are left alone").contains("href=\"" + this.pageLink + "\"");
	}

	@Test
	public void everyStaticFileIsServed() throws IOException, InterruptedException {
		Path root = Path.of("src/main/resources/static");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String path = "/" + root.relativize(file).toString().replace('\\', '/');
				assertThat(get(path).statusCode()).as(path + ": is its folder in StaticResources.FOLDERS?")
					.isEqualTo(200);
			}
		}
	}

}
