package club.icourse.testsupport.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemplateTextsTest {

	private final Path samples = Path.of("src/test/resources/templates-sample");

	@Test
	void acceptsTemplatesThatTakeEveryWordFromTheBundles() {
		assertThat(TemplateTexts.hardCodedTexts(samples.resolve("good"))).isEmpty();
	}

	@Test
	void reportsTextAndReadableAttributesWrittenIntoATemplate() {
		assertThat(TemplateTexts.hardCodedTexts(samples.resolve("bad"))).containsExactlyInAnyOrder("page.html: 欢迎",
				"page.html: placeholder=\"Search\"");
	}

	@Test
	void reportsKeysATemplateUsesButABundleLacks() {
		assertThat(TemplateTexts.keysMissingFrom(samples.resolve("good"), samples.resolve("messages_en.properties")))
			.containsExactly("home.missing");
	}

	@Test
	void reportsKeysThatOnlyOneLanguageHas() {
		assertThat(TemplateTexts.unmatchedKeys(samples.resolve("messages_en.properties"),
				samples.resolve("messages_zh.properties")))
			.containsExactly("home.only-english (missing from messages_zh.properties)");
	}

}
