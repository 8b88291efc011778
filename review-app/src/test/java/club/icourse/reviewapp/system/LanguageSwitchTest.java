package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 中文 and English links switch the language of the page one is on, with its query. */
@ReviewAppTest
class LanguageSwitchTest {

	@LocalServerPort
	int port;

	@Test
	void switchingLanguageKeepsTheSearchAndEveryFilter() throws Exception {
		String query = URLEncoder.encode("数学 分析", StandardCharsets.UTF_8);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage search = browser.open("/search?q=" + query + "&kind=course&page=2");
			HtmlPage chinese = search.getAnchorByText("中文").click();
			assertThat(chinese.getUrl().getPath()).isEqualTo("/search");
			assertThat(chinese.getUrl().getQuery()).contains("q=" + query, "kind=course", "page=2", "lang=zh-CN");
			assertThat(((HtmlInput) chinese.getFirstByXPath("//input[@name='q']")).getValueAttribute())
				.isEqualTo("数学 分析");
			assertThat(chinese.getTitleText()).contains("搜索");

			HtmlPage english = chinese.getAnchorByText("English").click();
			assertThat(english.getUrl().getQuery()).contains("q=" + query, "kind=course")
				.contains("lang=en")
				.doesNotContain("zh-CN");

			HtmlPage courses = browser.open("/courses?sort=reviews&type=x");
			assertThat(courses.getAnchorByText("中文").getHrefAttribute()).contains("sort=reviews", "type=x",
					"lang=zh-CN");
		}
	}

}
