package club.icourse.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the registration form posts. Sizes here only stop absurd input; the real rules
 * give clearer messages.
 */
public record RegistrationForm(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 100) String username,
		@NotBlank @Size(max = 1024) String password) {

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "");
	}
}
