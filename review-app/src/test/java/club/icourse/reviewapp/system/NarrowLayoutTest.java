package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What keeps pages inside a phone's and a laptop's width: a collapsed menu, buttons that
 * do not wrap letter by letter, long values that break, and the admin tabs.
 */
@ReviewAppTest
class NarrowLayoutTest {

	@LocalServerPort
	int port;

	@Test
	void theMenuCollapsesOnAPhoneAndTheStatsButtonDoesNotWrap() throws Exception {
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage home = browser.open("/");
			DomElement toggler = home.getFirstByXPath("//nav//button[contains(@class,'navbar-toggler')]");
			assertThat(toggler).as("a menu button").isNotNull();
			assertThat(toggler.getAttribute("data-bs-target")).isEqualTo("#site-nav");
			assertThat(home.getElementById("site-nav").getAttribute("class")).contains("collapse", "navbar-collapse");
			assertThat((Object) home.getFirstByXPath("//nav[contains(@class,'navbar-expand-lg')]")).isNotNull();
			assertThat(home.asXml()).containsPattern("/webjars/bootstrap/[^\"]*bootstrap\\.bundle\\.min[^\"]*\\.js");

			HtmlPage stats = browser.open("/stats");
			DomElement show = stats.getFirstByXPath("//form//button[@type='submit']");
			assertThat(show.getAttribute("class")).contains("text-nowrap");
		}
	}

	@Test
	void everyAdminPageHasTheTabsWithItsOwnActiveAndTheQueryTablesScroll() throws Exception {
		Map<String, String> pages = Map.of("/admin/reports", "/admin/reports", "/admin/moderation-log",
				"/admin/moderation-log", "/admin/announcements", "/admin/announcements", "/admin/activity",
				"/admin/activity", "/admin/catalogue", "/admin/catalogue", "/admin/search", "/admin/search");
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.admin("tabs" + System.nanoTime() % 1_000_000));
			for (var page : pages.entrySet()) {
				HtmlPage html = browser.open(page.getKey());
				List<DomElement> tabs = html.getByXPath("//nav[@id='admin-tabs']/a");
				assertThat(tabs).as(page.getKey())
					.extracting(tab -> tab.getAttribute("href"))
					.contains("/admin/search");
				assertThat(tabs).as(page.getKey())
					.filteredOn(tab -> tab.getAttribute("class").contains("active"))
					.extracting(tab -> tab.getAttribute("href"))
					.containsExactly(page.getValue());
			}
			HtmlPage queries = browser.open("/admin/search");
			assertThat(queries.getByXPath("//div[contains(@class,'table-responsive')]/table")).isNotEmpty();
		}
	}

}
