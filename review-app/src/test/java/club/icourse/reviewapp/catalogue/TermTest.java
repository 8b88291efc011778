package club.icourse.reviewapp.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermTest {

	@Test
	void readsCanonicalTermsAndTheUniversitysCodes() {
		assertThat(Term.parse("2025-spring")).map(Term::code).contains("2025-spring");
		assertThat(Term.parse(" 2025-Autumn ")).map(Term::code).contains("2025-autumn");
		assertThat(Term.parse("20241")).map(Term::code).contains("2024-autumn");
		assertThat(Term.parse("20242")).map(Term::code).contains("2025-spring");
		assertThat(Term.parse("20243")).map(Term::code).contains("2025-summer");
	}

	@Test
	void ordersTermsInTime() {
		assertThat(Term.parse("2025-spring").orElseThrow().order()).isEqualTo(20251);
		assertThat(Term.parse("2025-summer").orElseThrow().order()).isEqualTo(20252);
		assertThat(Term.parse("2024-autumn").orElseThrow().order()).isEqualTo(20243)
			.isLessThan(Term.parse("20242").orElseThrow().order());
	}

	@Test
	void refusesAnythingElse() {
		assertThat(Term.parse(null)).isEmpty();
		assertThat(Term.parse("")).isEmpty();
		assertThat(Term.parse("2025-winter")).isEmpty();
		assertThat(Term.parse("20254")).isEmpty();
		assertThat(Term.parse("1234-spring")).as("before the university").isEmpty();
		assertThat(Term.parse("２０２５-spring")).as("full-width digits").isEmpty();
	}

}
