package club.icourse.reviewapp.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The locale claim as the language stored for a person. */
class PersonSignInLanguageTest {

	@Test
	void aLanguageTagInEitherSpellingIsKeptAndAnythingElseIsNone() {
		assertThat(PersonSignIn.language("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(PersonSignIn.language("zh_CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(PersonSignIn.language(" en ")).isEqualTo(Locale.ENGLISH);
		assertThat(PersonSignIn.language(null)).isNull();
		assertThat(PersonSignIn.language("")).isNull();
		assertThat(PersonSignIn.language("not a language!")).isNull();
		assertThat(PersonSignIn.language("en-" + "x".repeat(40))).as("longer than the column").isNull();
	}

}
