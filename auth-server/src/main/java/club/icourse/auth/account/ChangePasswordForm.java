package club.icourse.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ChangePasswordForm(@NotBlank @Size(max = 1024) String currentPassword,
		@NotBlank @Size(max = 1024) String newPassword) {

	static ChangePasswordForm empty() {
		return new ChangePasswordForm("", "");
	}
}
