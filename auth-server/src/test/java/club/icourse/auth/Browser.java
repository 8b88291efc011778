package club.icourse.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * A person's browser (HtmlUnit: cookies, forms with their CSRF fields, redirects) talking
 * to the server under test over real HTTP. JavaScript is off: every page must work
 * without it.
 */
public final class Browser implements AutoCloseable {

	public static final String SESSION_COOKIE = "icourse_id_session";

	private final WebClient client;

	private final String base;

	public Browser(int port) {
		this(port, Locale.ENGLISH);
	}

	public Browser(int port, Locale language) {
		this.base = "http://localhost:" + port;
		this.client = new WebClient(new BrowserVersion.BrowserVersionBuilder(BrowserVersion.FIREFOX)
			.setBrowserLanguage(language.toLanguageTag())
			.setAcceptLanguageHeader(language.toLanguageTag())
			.build());
		client.getOptions().setJavaScriptEnabled(false);
		client.getOptions().setCssEnabled(false);
		client.getOptions().setThrowExceptionOnFailingStatusCode(false);
	}

	public HtmlPage open(String pathOrLink) throws IOException {
		Page page = client.getPage(url(pathOrLink));
		return (HtmlPage) page;
	}

	/**
	 * Follows a link from a mail: it names the configured public address, so only its
	 * path and query are kept.
	 */
	public HtmlPage follow(String mailedLink) throws IOException {
		URI link = URI.create(mailedLink);
		return open(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
	}

	public HtmlPage submit(HtmlPage page, String formAction, String... namesAndValues) throws IOException {
		HtmlForm form = page.getForms()
			.stream()
			.filter(candidate -> candidate.getActionAttribute().endsWith(formAction))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form posting to " + formAction + " on " + page.getUrl()));
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.getInputByName(namesAndValues[i]).setValue(namesAndValues[i + 1]);
		}
		return form.getFirstByXPath(".//button[@type='submit']") instanceof HtmlButton button ? button.click() : null;
	}

	public HtmlPage signIn(String name, String password) throws IOException {
		return submit(open("/login"), "/login", "username", name, "password", password);
	}

	public HtmlPage signOut() throws IOException {
		return submit(open("/account"), "/logout");
	}

	public URL url(String path) throws IOException {
		return URI.create(base + path).toURL();
	}

	public WebClient client() {
		return client;
	}

	@Override
	public void close() {
		client.close();
	}

}
