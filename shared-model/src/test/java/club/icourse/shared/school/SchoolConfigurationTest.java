package club.icourse.shared.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.shared.Affiliation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What deployment configuration may say about schools: mistakes fail at start-up, not at
 * registration.
 */
class SchoolConfigurationTest {

	private static final List<EmailDomainRule> RULES = List
		.of(new EmailDomainRule("mail.ustc.edu.cn", Affiliation.STUDENT));

	@ParameterizedTest
	@ValueSource(strings = { "ustc.edu.cn", "mail.ustc.edu.cn", "stu.xjtu.edu.cn", "a-b.example", "1st.example.org",
			"xn--fiqs8s.cn" })
	void acceptsLowerCaseAsciiHostNames(String domain) {
		assertThat(new EmailDomainRule(domain, Affiliation.TEACHER).domain()).isEqualTo(domain);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "Mail.ustc.edu.cn", "UPPER.EDU", "ustc.edu.cn.", ".ustc.edu.cn", "ustc..edu.cn",
			"-ustc.edu.cn", "ustc-.edu.cn", "ustc_edu.cn", "*.ustc.edu.cn", " ustc.edu.cn", "ustc.edu.cn ", "localhost",
			"ustc.edu.c\u043d", "\u4e2d\u56fd.cn", "ustc.edu.123" })
	void refusesAnythingElseAsADomain(String domain) {
		assertThatThrownBy(() -> new EmailDomainRule(domain, Affiliation.STUDENT))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesOverlongLabelsAndDomains() {
		assertThat(new EmailDomainRule("a".repeat(63) + ".cn", Affiliation.STUDENT)).isNotNull();
		assertThatThrownBy(() -> new EmailDomainRule("a".repeat(64) + ".cn", Affiliation.STUDENT))
			.isInstanceOf(IllegalArgumentException.class);
		String domain254 = ("a".repeat(62) + ".").repeat(4) + "cn";
		assertThat(domain254).hasSize(254);
		assertThatThrownBy(() -> new EmailDomainRule(domain254, Affiliation.STUDENT))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aRuleNeedsAnAffiliation() {
		assertThatThrownBy(() -> new EmailDomainRule("ustc.edu.cn", null)).isInstanceOf(NullPointerException.class);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "USTC", "1ustc", "-ustc", "us tc", "us_tc", "\u79d1\u5927",
			"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu" }) // 33 characters
	void refusesSchoolIdsThatAreNotShortLowerCaseAscii(String id) {
		assertThatThrownBy(() -> new School(id, "Name", RULES)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSchoolNeedsANameAndRulesWithoutRepeats() {
		assertThat(new School("ustc-2", "中国科学技术大学", RULES).id()).isEqualTo("ustc-2");
		assertThatThrownBy(() -> new School("ustc", " ", RULES)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new School("ustc", "USTC", List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new School("ustc", "USTC",
				List.of(new EmailDomainRule("ustc.edu.cn", Affiliation.STUDENT),
						new EmailDomainRule("ustc.edu.cn", Affiliation.TEACHER))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSchoolKeepsItsOwnCopyOfTheRules() {
		List<EmailDomainRule> rules = new ArrayList<>(RULES);
		School school = new School("ustc", "USTC", rules);
		rules.add(new EmailDomainRule("evil.com", Affiliation.TEACHER));

		assertThat(school.rules()).containsExactlyElementsOf(RULES);
	}

}
