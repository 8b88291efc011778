package club.icourse.reviewapp.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

	@Test
	void queryAndTextAreNormalisedTheSameWay() {
		assertThat(SearchText.normalize("ＭＡＴＨ１００６")).isEqualTo("math1006");
		assertThat(SearchText.normalize("數學分析")).isEqualTo("数学分析");
		assertThat(SearchText.normalize("線性代數")).isEqualTo("线性代数");
		assertThat(SearchText.query("  張三老師 ")).isEqualTo("张三");
		assertThat(SearchText.query("李四 教授")).isEqualTo("李四");
		assertThat(SearchText.query("x".repeat(10_000))).hasSize(SearchText.MAX_QUERY);
		assertThat(SearchText.searchable(SearchText.query("*:* ~ !!!"))).isFalse();
	}

	@Test
	void positionsInNormalisedTextLeadBackToTheOriginal() {
		SearchText.Mapped mapped = SearchText.map("Ａ數學");
		assertThat(mapped.text()).isEqualTo("a数学");
		assertThat(mapped.origins()).containsExactly(0, 1, 2);
	}

	@Test
	void tokensAreBigramsOfChineseAndWholeWords() {
		assertThat(SearchText.tokens("数学分析(b1) math")).containsExactly("数学", "学分", "分析", "b1", "math");
		assertThat(SearchText.tokens("张")).containsExactly("张");
		assertThat(SearchText.characters("线代 c++")).containsExactly("线", "代", "c");
	}

	@Test
	void pinyinHasEveryReadingFromEveryCharacterOn() {
		Pinyin.Spellings spellings = Pinyin.of("数学分析");
		assertThat(spellings.full()).contains("shuxuefenxi", "fenxi");
		assertThat(spellings.initials()).contains("sxfx", "fx");
		assertThat(Pinyin.of("单田芳").full()).contains("shantianfang", "dantianfang");
		assertThat(Pinyin.of("曾小贤").full()).contains("zengxiaoxian", "cengxiaoxian");
		assertThat(Pinyin.asQuery("zhang san")).isEqualTo("zhangsan");
		assertThat(Pinyin.asQuery("张三")).isNull();
	}

	@Test
	void snippetsMarkWhatMatchedInTheOriginalText() {
		List<Snippet.Part> parts = Snippet.of("老師講得很好，作業不多", SearchText.tokens("讲得"));
		assertThat(parts).containsExactly(new Snippet.Part("老師", false), new Snippet.Part("講得", true),
				new Snippet.Part("很好，作業不多", false));
	}

}
