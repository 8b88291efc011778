package club.icourse.reviewapp.mention;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.people.Person;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionSyntaxTest {

	private static final Set<String> KNOWN = Set.of("张三", "张三丰", "bob", "zhang.san", "li_si");

	@Test
	void theLongestKnownNameWinsWhenChineseTextOrPunctuationFollowsDirectly() {
		assertThat(names("@张三你好")).containsExactly("张三");
		assertThat(names("@张三丰来了")).containsExactly("张三丰");
		assertThat(names("问@zhang.san。还有@li_si，以及@Bob!")).containsExactly("zhang.san", "li_si", "Bob");
	}

	@Test
	void emailAddressesUnknownNamesAndLoneAtSignsAreNotMentions() {
		assertThat(names("写信给 bob@mail.ustc.edu.cn 或 @nobody 或 @ 或 @@")).isEmpty();
		assertThat(names("邮箱x.@bob")).as("after Latin punctuation of an address").isEmpty();
		assertThat(names("中文@bob")).as("right after Chinese text it is a mention").containsExactly("bob");
	}

	@Test
	void candidatesAreBoundedAndLinkedTextIsEscaped() {
		String hostile = "@" + "长".repeat(10_000) + " @bob".repeat(100);
		assertThat(MentionSyntax.candidates(hostile))
			.hasSizeLessThanOrEqualTo(MentionSyntax.MAX_MENTIONS * MentionSyntax.MAX_USERNAME);
		assertThat(MentionSyntax.spans(hostile, KNOWN::contains)).hasSizeLessThanOrEqualTo(MentionSyntax.MAX_MENTIONS);

		Person bob = new Person(1, "bob", null, false);
		assertThat(Mentions.linkPlainText("<b>hi</b> @bob", Map.of("bob", bob)))
			.isEqualTo("&lt;b&gt;hi&lt;/b&gt; <a class=\"mention\" href=\"/people/bob\">@bob</a>");
	}

	private static List<String> names(String text) {
		return MentionSyntax.spans(text, KNOWN::contains).stream().map(MentionSyntax.Span::username).toList();
	}

}
