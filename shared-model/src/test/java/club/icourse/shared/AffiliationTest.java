package club.icourse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AffiliationTest {

    @Test
    void roundTripsThroughTheClaimValue() {
        assertThat(Affiliation.STUDENT.claimValue()).isEqualTo("student");
        assertThat(Affiliation.fromClaimValue("teacher")).contains(Affiliation.TEACHER);
        assertThat(Affiliation.fromClaimValue("TEACHER")).isEmpty();
        assertThat(Affiliation.fromClaimValue(null)).isEmpty();
        assertThat(Role.ADMIN.authority()).isEqualTo("ROLE_ADMIN");
    }
}
