package club.icourse.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.i18n.TemplateTexts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every word on a page comes from the bundles, and Chinese and English have the same
 * words. Paths are those of the module under test.
 */
public abstract class MessageBundleChecks {

	protected static final Path RESOURCES = Path.of("src/main/resources");

	protected static final Path TEMPLATES = RESOURCES.resolve("templates");

	protected static final Path ENGLISH = RESOURCES.resolve("messages.properties");

	protected static final Path CHINESE = RESOURCES.resolve("messages_zh.properties");

	@Test
	public void templatesHaveNoHardCodedText() {
		assertThat(TemplateTexts.hardCodedTexts(TEMPLATES)).isEmpty();
	}

	@Test
	public void everyKeyATemplateUsesExistsInBothLanguages() {
		assertThat(TemplateTexts.keysMissingFrom(TEMPLATES, ENGLISH)).isEmpty();
		assertThat(TemplateTexts.keysMissingFrom(TEMPLATES, CHINESE)).isEmpty();
	}

	@Test
	public void bothLanguagesHaveTheSameKeys() {
		assertThat(TemplateTexts.unmatchedKeys(ENGLISH, CHINESE)).isEmpty();
	}

}
