package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/** Browsers for the tests that drive the local run, and its demo student's sign-in. */
final class LocalBrowsers {

	private LocalBrowsers() {
	}

	/**
	 * A browser without JavaScript, in English, that caches nothing: HtmlUnit caches like
	 * a shared cache, keeping the anonymous home page for its s-maxage (30 s) and
	 * ignoring Vary: Cookie, so it would show that page again after the next sign-in; a
	 * person's browser revalidates (max-age=0).
	 */
	static WebClient browser() {
		WebClient browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.addRequestHeader("Accept-Language", "en");
		browser.getCache().setMaxSize(0);
		return browser;
	}

	/**
	 * Signs the demo student in at the review site through iCourse ID (the browser is not
	 * signed in there yet) and answers the page the site sends them back to.
	 */
	static HtmlPage signInAtTheReviewSite(WebClient browser, String reviewUrl) throws IOException {
		HtmlPage login = browser.getPage(reviewUrl + "/oauth2/authorization/icourse");
		HtmlForm form = login.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().endsWith("/login"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No sign-in form at " + login.getUrl()));
		form.getInputByName("username").setValue("student@mail.ustc.edu.cn");
		form.getInputByName("password").setValue(LocalProduct.DEMO_PASSWORD);
		HtmlPage home = ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
		assertThat(home.getUrl().toString()).as(home.asNormalizedText()).startsWith(reviewUrl);
		assertThat(home.asNormalizedText()).contains("demo-student", "Sign out");
		return home;
	}

}
