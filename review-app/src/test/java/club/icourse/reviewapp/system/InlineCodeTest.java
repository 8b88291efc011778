package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.csp.InlineCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows no inline script and no inline style: no template
 * may have them, so a new one fails here rather than in someone's browser.
 */
class InlineCodeTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void noTemplateHasInlineScriptHandlersOrJavascriptAddresses() {
		assertThat(InlineCode.scripts(TEMPLATES)).isEmpty();
	}

	@Test
	void noPageTemplateHasInlineStyle() {
		assertThat(InlineCode.styles(TEMPLATES, "mail")).isEmpty();
	}

}
