package club.icourse.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The password reset page: the link's token and the new password. */
record NewPasswordForm(@Size(max = 64) String token, @NotBlank @Size(max = 1024) String newPassword) {
}
