package club.icourse.shared.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.shared.Affiliation;
import java.net.IDN;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SchoolDirectoryTest {

	private final SchoolDirectory ustc = SchoolDirectory.ustc();

	@Test
	void aStudentMailboxProvesAStudentOfTheSchool() {
		assertThat(ustc.classify("ZhangSan@Mail.USTC.edu.cn")).hasValueSatisfying(email -> {
			assertThat(email.address()).isEqualTo("zhangsan@mail.ustc.edu.cn");
			assertThat(email.localPart()).isEqualTo("zhangsan");
			assertThat(email.school().id()).isEqualTo("ustc");
			assertThat(email.school().name()).isEqualTo("中国科学技术大学");
			assertThat(email.affiliation()).isEqualTo(Affiliation.STUDENT);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "  t@ustc.edu.cn ", "t@ustc.edu.cn", "\tt@USTC.EDU.CN\r\n", "\ft@ustc.edu.cn\n" })
	void aTeacherMailboxProvesATeacherWhateverAsciiWhitespaceSurroundsIt(String raw) {
		assertThat(ustc.classify(raw)).hasValueSatisfying(email -> {
			assertThat(email.address()).isEqualTo("t@ustc.edu.cn");
			assertThat(email.localPart()).isEqualTo("t");
			assertThat(email.affiliation()).isEqualTo(Affiliation.TEACHER);
		});
	}

	@Test
	void acceptsEveryCharacterOfTheConservativeDotAtom() {
		assertThat(ustc.classify("a.b-c_d+x@mail.ustc.edu.cn")).map(UniversityEmail::address)
			.contains("a.b-c_d+x@mail.ustc.edu.cn");
		assertThat(ustc.classify("Li.Si-2024@mail.ustc.edu.cn")).map(UniversityEmail::localPart).contains("li.si-2024");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "a", "mail.ustc.edu.cn", "a@", "@mail.ustc.edu.cn", "a@@mail.ustc.edu.cn",
			"a@mail.ustc.edu.cn.evil.com", "a@evil.com@mail.ustc.edu.cn", "a@evil.mail.ustc.edu.cn", "a@ustc.edu.cn.",
			"a@.ustc.edu.cn", "a@edu.cn", "a@gmail.com", "a@[127.0.0.1]", "a@mail.ustc.edu.cn:25",
			"a@mail.ustc.edu.cn/x" })
	void refusesAddressesWhoseDomainIsNotExactlyAConfiguredOne(String raw) {
		assertThat(ustc.classify(raw)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"a@b\"@mail.ustc.edu.cn", "\"a\"@mail.ustc.edu.cn", "a b@mail.ustc.edu.cn",
			"a@ mail.ustc.edu.cn", "a\n@mail.ustc.edu.cn", "a@mail.ustc.edu.cn\nb@mail.ustc.edu.cn",
			"a\t@mail.ustc.edu.cn", "a(comment)@mail.ustc.edu.cn", "a@mail.ustc.edu.cn(comment)",
			"<a@mail.ustc.edu.cn>", "Zhang San <a@mail.ustc.edu.cn>", "a,b@mail.ustc.edu.cn", "a;b@mail.ustc.edu.cn",
			"a%b@mail.ustc.edu.cn", "a!b@mail.ustc.edu.cn", "a\\b@mail.ustc.edu.cn", ".a@mail.ustc.edu.cn",
			"a.@mail.ustc.edu.cn", "a..b@mail.ustc.edu.cn" })
	void refusesMailboxesOutsideTheConservativeDotAtom(String raw) {
		assertThat(ustc.classify(raw)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@u\u0455tc.edu.cn", // Cyrillic dze for s
			"a@ust\u0441.edu.cn", // Cyrillic es for c
			"a@ustc.\u0435du.cn", // Cyrillic ie for e
			"a@mail.ustc.\u0435du.cn", "a@m\u0430il.ustc.edu.cn", // Cyrillic a
			"\u0430@mail.ustc.edu.cn", "\uff41@\uff4d\uff41\uff49\uff4c.ustc.edu.cn", // full-width
																						// letters
			"a\uff20mail.ustc.edu.cn", // full-width @
			"a@mail\u3002ustc.edu.cn", // ideographic full stop, a dot to IDNA
			"a@mail\uff0eustc.edu.cn", // full-width full stop
			"a@ma\u0131l.ustc.edu.cn", // dotless i
			"zhangsan@mail.ustc.edu.cn\u00a0", // no-break space around is not ASCII
												// whitespace
			"\u3000zhangsan@mail.ustc.edu.cn" })
	void refusesLookAlikeLetters(String raw) {
		assertThat(ustc.classify(raw)).isEmpty();
	}

	@Test
	void refusesLettersThatOnlyLowerCaseToAscii() {
		SchoolDirectory kust = SchoolDirectory
			.of(List.of(new School("kust", "Kunming University of Science and Technology",
					List.of(new EmailDomainRule("kust.edu.cn", Affiliation.STUDENT)))));

		assertThat(kust.classify("a@KUST.edu.cn")).isPresent();
		assertThat(kust.classify("a@\u212aust.edu.cn")).isEmpty(); // Kelvin sign
		assertThat(kust.classify("\u212a@kust.edu.cn")).isEmpty();
	}

	static Stream<String> punycodeLookAlikes() {
		return Stream.of("mail.u\u0455tc.edu.cn", "ust\u0441.edu.cn", "ustc.\u0435du.cn", "m\u0430il.ustc.edu.cn")
			.map(IDN::toASCII);
	}

	@ParameterizedTest
	@MethodSource("punycodeLookAlikes")
	void refusesLookAlikeDomainsInTheirPunycodeForm(String punycode) {
		assertThat(punycode).contains("xn--");
		assertThat(ustc.classify("a@" + punycode)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@mail.ustc.edu.cn\u202e", // right-to-left override
			"\u202ea@mail.ustc.edu.cn", "a\u202e@mail.ustc.edu.cn", "a@\u202email.ustc.edu.cn",
			"a@mail.ustc.edu.cn\u2066", // left-to-right isolate
			"a\u200b@mail.ustc.edu.cn", // zero-width space
			"a@mail.ustc\u200b.edu.cn", "a\u200d@mail.ustc.edu.cn", // zero-width joiner
			"\ufeffa@mail.ustc.edu.cn", // byte order mark
			"a\u0000@mail.ustc.edu.cn", "a\u007f@mail.ustc.edu.cn", "a@mail.ustc.edu.cn\u0000",
			"a\u00ad@mail.ustc.edu.cn" }) // soft hyphen
	void refusesInvisibleAndControlCharacters(String raw) {
		assertThat(ustc.classify(raw)).isEmpty();
	}

	@Test
	void limitsTheMailboxTo64Characters() {
		assertThat(ustc.classify("a".repeat(64) + "@mail.ustc.edu.cn")).isPresent();
		assertThat(ustc.classify("a".repeat(65) + "@mail.ustc.edu.cn")).isEmpty();
		assertThat(ustc.classify("a".repeat(300) + "@mail.ustc.edu.cn")).isEmpty();
	}

	@Test
	void limitsTheAddressTo254Characters() {
		String domain189 = "a".repeat(62) + "." + "b".repeat(61) + "." + "c".repeat(61) + ".cn";
		String domain190 = "a".repeat(63) + "." + "b".repeat(61) + "." + "c".repeat(61) + ".cn";
		SchoolDirectory longDomains = SchoolDirectory
			.of(List.of(new School("long", "Long", List.of(new EmailDomainRule(domain189, Affiliation.STUDENT),
					new EmailDomainRule(domain190, Affiliation.TEACHER)))));
		String mailbox = "m".repeat(64);

		assertThat(longDomains.classify(mailbox + "@" + domain189)).map(email -> email.address().length())
			.contains(254);
		assertThat(longDomains.classify(mailbox + "@" + domain190)).isEmpty();
	}

	@Test
	void completesAMailboxNameWithEveryConfiguredDomainInOrder() {
		assertThat(ustc.completions("zhangsan")).containsExactly("zhangsan@mail.ustc.edu.cn", "zhangsan@ustc.edu.cn");
		assertThat(ustc.completions(" ZhangSan\t")).containsExactly("zhangsan@mail.ustc.edu.cn",
				"zhangsan@ustc.edu.cn");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "zhangsan@", "zhangsan@mail", "zhangsan@mail.ustc.edu.cn", "@", "bad name", "a..b",
			"\uff41", "a\u200b", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm" }) // 65
																										// characters
	void completesNothingOnceThereIsAnAtSignOrTheMailboxCannotClassify(String input) {
		assertThat(ustc.completions(input)).isEmpty();
	}

	@Test
	void classifiesEachSchoolsOwnDomains() {
		School other = new School("other", "Other University",
				List.of(new EmailDomainRule("stu.other.edu", Affiliation.STUDENT)));
		SchoolDirectory two = SchoolDirectory.of(List.of(ustc.schools().getFirst(), other));

		assertThat(two.classify("x@stu.other.edu")).map(email -> email.school().id()).contains("other");
		assertThat(two.classify("x@mail.ustc.edu.cn")).map(email -> email.school().id()).contains("ustc");
		assertThat(two.completions("x")).containsExactly("x@mail.ustc.edu.cn", "x@ustc.edu.cn", "x@stu.other.edu");
	}

	@Test
	void refusesADomainClaimedByTwoSchools() {
		School clash = new School("clash", "Clash", List.of(new EmailDomainRule("ustc.edu.cn", Affiliation.STUDENT)));

		assertThatThrownBy(() -> SchoolDirectory.of(List.of(ustc.schools().getFirst(), clash)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ustc.edu.cn");
	}

	@Test
	void refusesASchoolIdTwice() {
		School again = new School("ustc", "Again", List.of(new EmailDomainRule("again.edu.cn", Affiliation.STUDENT)));

		assertThatThrownBy(() -> SchoolDirectory.of(List.of(ustc.schools().getFirst(), again)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ustc");
	}

	@Test
	void refusesAnEmptyDirectory() {
		assertThatThrownBy(() -> SchoolDirectory.of(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

}
