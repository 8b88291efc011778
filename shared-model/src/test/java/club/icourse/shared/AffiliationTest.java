package club.icourse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AffiliationTest {

	@Test
	void claimValuesAreLowerCaseNames() {
		assertThat(Affiliation.STUDENT.claimValue()).isEqualTo("student");
		assertThat(Affiliation.TEACHER.claimValue()).isEqualTo("teacher");
	}

	@ParameterizedTest
	@EnumSource(Affiliation.class)
	void roundTripsThroughTheClaimValue(Affiliation affiliation) {
		assertThat(Affiliation.fromClaimValue(affiliation.claimValue())).contains(affiliation);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "TEACHER", "Student", " student", "staff", "admin" })
	void namesNothingForAnyOtherValue(String value) {
		assertThat(Affiliation.fromClaimValue(value)).isEmpty();
	}

}
