package club.icourse.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.browser.PolicyWatchingChrome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The key pages in a real browser with the Content-Security-Policy on: each app's test
 * uses its pages as a person would, and none may cause a violation. Here: Chromium is
 * there (in CI it must be), and the watcher does see a violation when there is one.
 */
public abstract class PagesInChromeChecks extends AppChecks {

	private final String plainPage;

	/**
	 * @param plainPage a page anyone may open, to plant a violation in
	 */
	protected PagesInChromeChecks(String plainPage) {
		this.plainPage = plainPage;
	}

	@BeforeAll
	public static void chromium() {
		if (!PolicyWatchingChrome.installed()) {
			assertThat(System.getenv("CI")).as("CI installs chromium and chromium-driver (.ci/run)")
				.isNotEqualTo("true");
			Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver");
		}
	}

	@Test
	public void theWatcherSeesAViolationWhenThereIsOne() {
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			chrome.open(url(this.plainPage));
			((JavascriptExecutor) chrome.driver()).executeScript("""
					const script = document.createElement('script');
					script.textContent = 'document.title = "ran"';
					document.body.appendChild(script);
					""");
			assertThat(chrome.violations())
				.anyMatch(violation -> violation.startsWith("script-src-elem refused inline"));
			assertThat(chrome.driver().getTitle()).isNotEqualTo("ran");
		}
	}

}
