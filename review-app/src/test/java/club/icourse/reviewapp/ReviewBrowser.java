package club.icourse.reviewapp;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import java.io.IOException;
import java.net.URI;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * A person's browser on the review site (HtmlUnit, JavaScript off), signing in through
 * the stand-in provider.
 */
public final class ReviewBrowser implements AutoCloseable {

	private final WebClient client;

	private final String base;

	public ReviewBrowser(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.client = new WebClient(
				new BrowserVersion.BrowserVersionBuilder(BrowserVersion.FIREFOX).setBrowserLanguage("en")
					.setAcceptLanguageHeader("en")
					.build());
		client.getOptions().setJavaScriptEnabled(false);
		client.getOptions().setCssEnabled(false);
		client.getOptions().setThrowExceptionOnFailingStatusCode(false);
		// HtmlUnit keeps a response for its s-maxage and ignores Vary: Cookie, as only a
		// shared cache may; a person's browser revalidates the public pages (max-age=0).
		client.getCache().setMaxSize(0);
	}

	/**
	 * Signs in as the given person through the real OpenID Connect login; returns the
	 * page the site lands on.
	 */
	public HtmlPage signIn(Identity identity) throws IOException {
		client.getPage(FakeIdentityProvider.shared().signInUrl(identity));
		HtmlPage landed = client.getPage(base + "/oauth2/authorization/icourse");
		assertThat(landed.getUrl().toString()).as(landed.asNormalizedText()).startsWith(base);
		assertThat(landed.asNormalizedText()).contains(identity.username());
		return landed;
	}

	public HtmlPage open(String path) throws IOException {
		Page page = client.getPage(base + path);
		return page instanceof HtmlPage html ? html : null;
	}

	public int status(String path) throws IOException {
		return client.getPage(base + path).getWebResponse().getStatusCode();
	}

	public HtmlForm form(HtmlPage page, String actionEnding) {
		return page.getForms()
			.stream()
			.filter(form -> form.getActionAttribute().replaceFirst("\\?.*", "").endsWith(actionEnding))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form posting to " + actionEnding + " on " + page.getUrl()));
	}

	public static HtmlPage submit(HtmlForm form) throws IOException {
		return ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
	}

	public URI url(String path) {
		return URI.create(base + path);
	}

	public WebClient client() {
		return client;
	}

	@Override
	public void close() {
		client.close();
	}

}
