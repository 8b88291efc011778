package club.icourse.reviewapp.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewTextTest {

	@Test
	void markdownBecomesHtml() {
		assertThat(ReviewText.toHtml("**好课**，推荐\n\n- 作业多\n- 考试难")).contains("<strong>好课</strong>", "<li>作业多</li>");
		assertThat(ReviewText.toHtml("[课程主页](https://example.edu/c)")).contains("href=\"https://example.edu/c\"",
				"rel=\"nofollow noopener noreferrer\"");
	}

	@Test
	void nothingExecutableSurvives() {
		String hostile = """
				<script>alert(1)</script>
				<img src=x onerror=alert(1)>
				[click](javascript:alert(1))
				<a href="javascript:alert(1)">x</a>
				<style>body{display:none}</style>
				<iframe src="https://evil.example"></iframe>
				![img](data:text/html;base64,PHNjcmlwdD4=)
				<div onclick="alert(1)">div</div>""";
		String html = ReviewText.toHtml(hostile);
		// Shown as text, never as markup: no such tag, attribute or link exists in the
		// HTML.
		assertThat(html).doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("<img")
			.doesNotContainIgnoringCase("<style")
			.doesNotContainIgnoringCase("<iframe")
			.doesNotContainIgnoringCase("<div")
			.doesNotContainIgnoringCase("onerror=")
			.doesNotContainIgnoringCase("onclick=")
			.doesNotContainIgnoringCase("href=\"javascript")
			.doesNotContainIgnoringCase("href=\"data");
		assertThat(html).contains("&lt;script&gt;");
		assertThat(ReviewText.toHtml("[x](javascript:alert(1))")).doesNotContainIgnoringCase("javascript");
	}

	@Test
	void invisibleAndBidiCharactersAreRemoved() {
		String tricky = "good\u202Edoog\u200B course\u2066x\u2069\u0007";
		assertThat(ReviewText.clean(tricky)).isEqualTo("gooddoog coursex");
		assertThat(ReviewText.toHtml(tricky)).doesNotContain("\u202E", "\u200B", "\u2066");
		assertThat(ReviewText.clean("👨\u200D👩\u200D👧")).as("emoji joiners stay").isEqualTo("👨\u200D👩\u200D👧");
	}

}
