package club.icourse.testsupport.csp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InlineCodeTest {

	private final Path samples = Path.of("src/test/resources/csp-sample");

	@Test
	void acceptsScriptFilesStyleSheetsAndOrdinaryAttributes() {
		assertThat(InlineCode.scripts(samples.resolve("good"))).isEmpty();
		assertThat(InlineCode.styles(samples.resolve("good"), "mail")).isEmpty();
	}

	@Test
	void reportsInlineScriptHandlersAndJavascriptAddresses() {
		assertThat(InlineCode.scripts(samples.resolve("bad"))).containsExactlyInAnyOrder(
				"page.html: onload=\"start()\"", "page.html: href=\"javascript:void(0)\"",
				"page.html: th:href=\"@{ JavaScript:alert(1)}\"", "page.html: th:onclick=\"|go(${id})|\"",
				"page.html: th:attr=\"aria-label=#{x}, onfocus='steal()'\"", "page.html: inline <script>",
				"page.html: inline <script>");
	}

	@Test
	void reportsInlineStyleExceptInFoldersThatAreNotPages() {
		assertThat(InlineCode.styles(samples.resolve("bad"))).containsExactlyInAnyOrder("page.html: <style>",
				"page.html: style=\"white-space: pre-wrap\"", "page.html: th:style=\"'color:' + ${c}\"");
		assertThat(InlineCode.styles(samples.resolve("good")))
			.containsExactly("mail/notice.html: style=\"font-family: sans-serif\"");
	}

}
