package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.web.MessageBundleChecks;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every word on a page comes from the bundles, and Chinese and English have the same
 * words (the checks both apps share); here also: English counts agree with their number.
 */
class MessageBundlesTest extends MessageBundleChecks {

	@Test
	void englishCountsAgreeWithTheirNumber() throws IOException {
		Properties english = load(ENGLISH);
		assertThat(format(english, "courses.review-count", 1)).isEqualTo("1 review");
		assertThat(format(english, "courses.review-count", 2)).isEqualTo("2 reviews");
		assertThat(format(english, "courses.review-count", 0)).isEqualTo("0 reviews");
		assertThat(format(english, "review.upvotes", 1)).isEqualTo("1 upvote");
		assertThat(format(english, "review.upvotes", 1234)).isEqualTo("1,234 upvotes");
		assertThat(format(english, "review.comments", 1)).isEqualTo("1 comment");
		assertThat(format(english, "course.review-counts", 1, 1)).isEqualTo("1 review, 1 with a rating");
		assertThat(format(english, "stats.reviewer-figures", 1, 1)).isEqualTo("1 upvote on 1 review");
		assertThat(format(english, "stats.reviewer-figures", 3, 2)).isEqualTo("3 upvotes on 2 reviews");
		assertThat(format(english, "catalogue.admin.refused", 1)).endsWith(": 1 problem.");
	}

	@Test
	void chineseCountsAreUnchanged() throws IOException {
		Properties chinese = load(CHINESE);
		assertThat(format(chinese, "courses.review-count", 1)).isEqualTo("1 条点评");
		assertThat(format(chinese, "review.upvotes", 2)).isEqualTo("2 个赞");
	}

	/** Both apps call the identity provider one name in each language. */
	@Test
	void theIdentityProviderHasOneNameInEachLanguage() throws IOException {
		Path authServer = Path.of("../auth-server/src/main/resources");
		for (Path chinese : new Path[] { CHINESE, authServer.resolve("messages_zh.properties") }) {
			assertThat(load(chinese).values()).as(chinese.toString())
				.noneMatch(text -> text.toString().contains("iCourse ID"));
		}
		for (Path english : new Path[] { ENGLISH, authServer.resolve("messages.properties") }) {
			assertThat(load(english).values()).as(english.toString())
				.noneMatch(text -> text.toString().contains("统一身份"));
		}
	}

	/** A number followed by a fixed plural ("{0} reviews") says "1 reviews". */
	@Test
	void noEnglishCountIsFollowedByAFixedPlural() throws IOException {
		Pattern fixedPlural = Pattern.compile("\\{\\d\\} (?!is\\b|was\\b|has\\b|asks\\b)[a-z]+s\\b|\\(s\\)");
		assertThat(load(ENGLISH).entrySet())
			.filteredOn(entry -> fixedPlural.matcher(entry.getValue().toString()).find())
			.isEmpty();
	}

	private static String format(Properties bundle, String key, Object... arguments) {
		return new MessageFormat(bundle.getProperty(key), Locale.ENGLISH).format(arguments);
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
