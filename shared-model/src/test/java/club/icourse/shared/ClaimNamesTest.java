package club.icourse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The two apps are deployed separately: changing a name here breaks the other side, so
 * the values are pinned.
 */
class ClaimNamesTest {

	@Test
	void namesAreTheOnesBothAppsWereDeployedWith() {
		assertThat(ClaimNames.SCHOOL).isEqualTo("school");
		assertThat(ClaimNames.AFFILIATION).isEqualTo("affiliation");
		assertThat(ClaimNames.PREFERRED_USERNAME).isEqualTo("preferred_username");
		assertThat(ClaimNames.ROLES).isEqualTo("roles");
		assertThat(Scopes.SCHOOL).isEqualTo("school");
	}

}
