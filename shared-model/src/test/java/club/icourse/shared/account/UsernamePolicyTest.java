package club.icourse.shared.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamePolicyTest {

    private final UsernamePolicy policy = UsernamePolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"张三", "小明同学", "zhang_san", "Li-Si.2024", "contest", "王🙂", "a", "rooted", "匿名者也"})
    void acceptsOrdinaryNamesInAnyScript(String name) {
        assertThat(policy.check(name).ok()).isTrue();
        assertThat(policy.check(name).username()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|EMPTY",
            "'   '|EMPTY",
            "a b|WHITESPACE",
            "a\u3000b|WHITESPACE",
            "a\u00a0b|WHITESPACE",
            "a@b|FORBIDDEN_CHARACTER",
            "<script>|FORBIDDEN_CHARACTER",
            "a/b|FORBIDDEN_CHARACTER",
            "a\\b|FORBIDDEN_CHARACTER",
            "it's|FORBIDDEN_CHARACTER",
            "a\u202eb|INVISIBLE_OR_CONTROL_CHARACTER",
            "a\u200bb|INVISIBLE_OR_CONTROL_CHARACTER",
            "a\u2066b|INVISIBLE_OR_CONTROL_CHARACTER",
            "a\ufeffb|INVISIBLE_OR_CONTROL_CHARACTER",
            "a\u0007b|INVISIBLE_OR_CONTROL_CHARACTER",
            "a\ue000b|INVISIBLE_OR_CONTROL_CHARACTER",
            "a\ufffdb|INVISIBLE_OR_CONTROL_CHARACTER",
            "admin|RESERVED",
            "ADMIN|RESERVED",
            "\uff21\uff24\uff2d\uff29\uff2e|RESERVED",
            "admin123|RESERVED",
            "the_administrator|RESERVED",
            "test|RESERVED",
            "管理员|RESERVED",
            "匿名|RESERVED",
            "管理员小王|RESERVED",
            "root|RESERVED"})
    void refusesWithTheReason(String name, UsernameCheck.Problem problem) {
        assertThat(policy.check(name).problem()).isEqualTo(problem);
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.check("张".repeat(30)).ok()).isTrue();
        assertThat(policy.check("张".repeat(31)).problem()).isEqualTo(UsernameCheck.Problem.TOO_LONG);
        assertThat(policy.check("🙂".repeat(30)).ok()).isTrue();
    }

    @Test
    void trimsAndKeysNamesCaseAndWidthInsensitively() {
        assertThat(policy.check("  Zhang  ").username()).isEqualTo("Zhang");
        assertThat(UsernamePolicy.canonicalKey("ＺＨＡＮＧ")).isEqualTo(UsernamePolicy.canonicalKey("zhang"));
    }

    @Test
    void takesTheReservedListFromConfiguration() {
        UsernamePolicy custom = UsernamePolicy.withReservedNames(List.of("campus"));
        assertThat(custom.check("admin").ok()).isTrue();
        assertThat(custom.check("mycampus").problem()).isEqualTo(UsernameCheck.Problem.RESERVED);
    }
}
