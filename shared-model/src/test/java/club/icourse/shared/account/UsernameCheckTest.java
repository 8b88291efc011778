package club.icourse.shared.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.shared.account.UsernameCheck.Problem;
import org.junit.jupiter.api.Test;

class UsernameCheckTest {

	@Test
	void isEitherAUsernameOrAProblem() {
		assertThat(UsernameCheck.accepted("张三").ok()).isTrue();
		assertThat(UsernameCheck.refused(Problem.RESERVED).ok()).isFalse();
		assertThatThrownBy(() -> new UsernameCheck(null, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new UsernameCheck("admin", Problem.RESERVED))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
