package club.icourse.shared.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.shared.account.UsernameCheck.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamePolicyTest {

	private final UsernamePolicy policy = UsernamePolicy.defaults();

	@ParameterizedTest
	@ValueSource(strings = { "张三", "小明同学", "zhang_san", "Li-Si.2024", "a", "王🙂", "Ünal", "Ελένη", "한국어", "contest",
			"rooted", "testing", "匿名者也", "系统之美", "客服部" })
	void acceptsOrdinaryNamesInAnyScript(String name) {
		assertThat(policy.check(name)).isEqualTo(new UsernameCheck(name, null));
	}

	@Test
	void trimsTheNameItAccepts() {
		assertThat(policy.check("  Zhang  ").username()).isEqualTo("Zhang");
		assertThat(policy.check("\u3000张三\t").username()).isEqualTo("张三");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t\n", "\u3000" })
	void refusesEmptyNames(String name) {
		assertThat(policy.check(name).problem()).isEqualTo(Problem.EMPTY);
	}

	@Test
	void countsCodePointsNotCharsOrBytes() {
		assertThat(policy.check("a".repeat(30)).ok()).isTrue();
		assertThat(policy.check("a".repeat(31)).problem()).isEqualTo(Problem.TOO_LONG);
		assertThat(policy.check("张".repeat(30)).ok()).isTrue();
		assertThat(policy.check("张".repeat(31)).problem()).isEqualTo(Problem.TOO_LONG);
		assertThat(policy.check("🙂".repeat(30)).ok()).isTrue();
		assertThat(policy.check("🙂".repeat(31)).problem()).isEqualTo(Problem.TOO_LONG);
		assertThat(policy.check("  " + "a".repeat(30) + "  ").ok()).isTrue();
	}

	@Test
	void takesTheLengthLimitFromConfiguration() {
		UsernamePolicy short10 = new UsernamePolicy(10, List.of());

		assertThat(short10.check("a".repeat(10)).ok()).isTrue();
		assertThat(short10.check("a".repeat(11)).problem()).isEqualTo(Problem.TOO_LONG);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\tb", "a\nb", "a\u3000b", "a\u00a0b", "a\u2002b", "a\u2028b", "a\u202fb" })
	void refusesWhitespaceInside(String name) {
		assertThat(policy.check(name).problem()).isEqualTo(Problem.WHITESPACE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b", "a&b", "<script>", "a>b", "a\"b", "it's", "a:b", "a/b", "a\\b", "a\uff20b",
			"\uff1cscript\uff1e", "a\uff0fb", "a\ufe6bb", "a\ufe64b" }) // full-width and
																		// small forms
	void refusesCharactersThatMeanSomethingInMarkupAddressesOrPaths(String name) {
		assertThat(policy.check(name).problem()).isEqualTo(Problem.FORBIDDEN_CHARACTER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u202ab", "a\u202bb", "a\u202cb", "a\u202db", "a\u202eb", // bidi
																							// embeddings
																							// and
																							// overrides
			"a\u2066b", "a\u2067b", "a\u2068b", "a\u2069b", // bidi isolates
			"a\u200eb", "a\u200fb", // bidi marks
			"a\u200bb", "a\u200cb", "a\u200db", "a\ufeffb", "a\u2060b", // zero-width
			"a\u00adb", // soft hyphen
			"a\u0000b", "a\u0007b", "a\u007fb", "a\u0085b", // controls
			"a\ue000b", "a\uf8ffb", // private use
			"a\u0378b", "a\uffffb", // unassigned, non-character
			"a\ud800b", "a\udc00b", // lone surrogates
			"a\ufffdb", // replacement character
			"\u3164", "a\u3164b", "\uffa0", "\u2800", "\u115f" }) // blank-looking fillers
	void refusesInvisibleAndControlCharacters(String name) {
		assertThat(policy.check(name).problem()).isEqualTo(Problem.INVISIBLE_OR_CONTROL_CHARACTER);
	}

	@Test
	void refusesBidiTricksAroundAReservedName() {
		assertThat(policy.check("\u202enimda").problem()).isEqualTo(Problem.INVISIBLE_OR_CONTROL_CHARACTER);
		assertThat(policy.check("ad\u200bmin").problem()).isEqualTo(Problem.INVISIBLE_OR_CONTROL_CHARACTER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "ADMIN", "Admin", "\uff21\uff24\uff2d\uff29\uff2e",
			"\uff41\uff44\uff4d\uff49\uff4e", "root", "ROOT", "test", "Test", "example", "system", "support",
			"moderator", "anonymous", "administrator", "icourse", "iCourse", "管理员", "匿名", "系统", "客服" })
	void refusesReservedNamesInAnyCaseOrWidth(String name) {
		assertThat(policy.check(name).problem()).isEqualTo(Problem.RESERVED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin123", "the_administrator", "\uff21\uff44\uff4d\uff49\uff4e\uff11", "SysAdmin",
			"ecosystem", "official-support", "moderator2", "iCourse_team", "管理员小王", "超级管理员" })
	void refusesNamesContainingALongReservedName(String name) {
		assertThat(policy.check(name).problem()).isEqualTo(Problem.RESERVED);
	}

	@Test
	void refusesShortReservedNamesOnlyExactly() {
		assertThat(policy.check("contest").ok()).isTrue();
		assertThat(policy.check("rooted").ok()).isTrue();
		assertThat(policy.check("匿名者也").ok()).isTrue();
		assertThat(policy.check("test").problem()).isEqualTo(Problem.RESERVED);
		assertThat(policy.check("匿名").problem()).isEqualTo(Problem.RESERVED);
	}

	@Test
	void takesTheReservedListFromConfiguration() {
		UsernamePolicy custom = UsernamePolicy.withReservedNames(List.of("Campus", "ＢＯＴ"));

		assertThat(custom.maxLength()).isEqualTo(UsernamePolicy.DEFAULT_MAX_LENGTH);
		assertThat(custom.check("admin").ok()).isTrue();
		assertThat(custom.check("campus").problem()).isEqualTo(Problem.RESERVED);
		assertThat(custom.check("mycampus").problem()).isEqualTo(Problem.RESERVED);
		assertThat(custom.check("bot").problem()).isEqualTo(Problem.RESERVED);
		assertThat(custom.check("robot").ok()).isTrue();
	}

	@Test
	void refusesAPolicyThatCouldNeverAcceptOrReservesBlanks() {
		assertThatThrownBy(() -> new UsernamePolicy(0, List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> UsernamePolicy.withReservedNames(List.of("admin", " ")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void keysNamesCaseAndWidthInsensitively() {
		assertThat(UsernamePolicy.canonicalKey("Ａｄｍｉｎ")).isEqualTo("admin");
		assertThat(UsernamePolicy.canonicalKey("ADMIN")).isEqualTo("admin");
		assertThat(UsernamePolicy.canonicalKey(" ZhangSan ")).isEqualTo("zhangsan");
		assertThat(UsernamePolicy.canonicalKey("ＺＨＡＮＧ３")).isEqualTo("zhang3");
		assertThat(UsernamePolicy.canonicalKey("张三")).isEqualTo("张三");
		assertThat(UsernamePolicy.canonicalKey("ｶﾀｶﾅ")).isEqualTo("カタカナ");
		assertThat(UsernamePolicy.canonicalKey("zhang")).isNotEqualTo(UsernamePolicy.canonicalKey("zhang3"));
	}

}
