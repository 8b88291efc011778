package club.icourse.shared.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.shared.Affiliation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchoolDirectoryTest {

    private final SchoolDirectory ustc = SchoolDirectory.ustc();

    @Test
    void studentAndTeacherMailboxesProveTheirAffiliation() {
        assertThat(ustc.classify("ZhangSan@Mail.USTC.edu.cn")).hasValueSatisfying(email -> {
            assertThat(email.address()).isEqualTo("zhangsan@mail.ustc.edu.cn");
            assertThat(email.localPart()).isEqualTo("zhangsan");
            assertThat(email.school().id()).isEqualTo("ustc");
            assertThat(email.affiliation()).isEqualTo(Affiliation.STUDENT);
        });
        assertThat(ustc.classify("  t@ustc.edu.cn ")).hasValueSatisfying(email -> {
            assertThat(email.address()).isEqualTo("t@ustc.edu.cn");
            assertThat(email.affiliation()).isEqualTo(Affiliation.TEACHER);
        });
        assertThat(ustc.classify("a.b-c_d+x@mail.ustc.edu.cn")).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "a@mail.ustc.edu.cn.evil.com",
            "a@evil.com@mail.ustc.edu.cn",
            "a@evil.mail.ustc.edu.cn",
            "a@ustc.edu.cn.",
            "\"a@b\"@mail.ustc.edu.cn",
            "a b@mail.ustc.edu.cn",
            "a\n@mail.ustc.edu.cn",
            "@mail.ustc.edu.cn",
            "a@",
            "a@ustc.edu.c\u043d",                 // Cyrillic en
            "a@m\u0430il.ustc.edu.cn",            // Cyrillic a
            "\uff41@\uff4d\uff41\uff49\uff4c.ustc.edu.cn", // full-width letters
            "a@xn--ustc-9bd.edu.cn",
            "a@mail.ustc.edu.cn\u202e",
            "a\u200b@mail.ustc.edu.cn",
            ".a@mail.ustc.edu.cn",
            "a..b@mail.ustc.edu.cn",
            "a.@mail.ustc.edu.cn",
            "a(comment)@mail.ustc.edu.cn",
            "a@[127.0.0.1]",
            "a@gmail.com"})
    void refusesAnythingButAWholeWellFormedAddressOfAConfiguredDomain(String hostile) {
        assertThat(ustc.classify(hostile)).isEmpty();
    }

    @Test
    void refusesOverlongAddresses() {
        assertThat(ustc.classify("a".repeat(64) + "@mail.ustc.edu.cn")).isPresent();
        assertThat(ustc.classify("a".repeat(65) + "@mail.ustc.edu.cn")).isEmpty();
        assertThat(ustc.classify("a".repeat(300) + "@mail.ustc.edu.cn")).isEmpty();
    }

    @Test
    void completesAMailboxNameWithEveryConfiguredDomain() {
        assertThat(ustc.completions(" zhangsan ")).containsExactly("zhangsan@mail.ustc.edu.cn", "zhangsan@ustc.edu.cn");
        assertThat(ustc.completions("zhangsan@")).isEmpty();
        assertThat(ustc.completions("bad name")).isEmpty();
    }

    @Test
    void holdsSeveralSchoolsButNoDomainTwice() {
        School other = new School("other", "Other University",
                List.of(new EmailDomainRule("stu.other.edu", Affiliation.STUDENT)));
        SchoolDirectory two = SchoolDirectory.of(List.of(ustc.schools().getFirst(), other));
        assertThat(two.classify("x@stu.other.edu")).hasValueSatisfying(email -> assertThat(email.school().id()).isEqualTo("other"));

        School clash = new School("clash", "Clash", List.of(new EmailDomainRule("ustc.edu.cn", Affiliation.STUDENT)));
        assertThatThrownBy(() -> SchoolDirectory.of(List.of(ustc.schools().getFirst(), clash)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailDomainRule("UPPER.edu", Affiliation.STUDENT)).isInstanceOf(IllegalArgumentException.class);
    }
}
