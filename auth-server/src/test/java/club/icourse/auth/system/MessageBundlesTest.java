package club.icourse.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.i18n.TemplateTexts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every word on a page comes from the bundles, and Chinese and English have the same
 * words.
 */
class MessageBundlesTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Path ENGLISH = RESOURCES.resolve("messages.properties");

	private static final Path CHINESE = RESOURCES.resolve("messages_zh.properties");

	@Test
	void templatesHaveNoHardCodedText() {
		assertThat(TemplateTexts.hardCodedTexts(TEMPLATES)).isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExistsInBothLanguages() {
		assertThat(TemplateTexts.keysMissingFrom(TEMPLATES, ENGLISH)).isEmpty();
		assertThat(TemplateTexts.keysMissingFrom(TEMPLATES, CHINESE)).isEmpty();
	}

	@Test
	void bothLanguagesHaveTheSameKeys() {
		assertThat(TemplateTexts.unmatchedKeys(ENGLISH, CHINESE)).isEmpty();
	}

}
