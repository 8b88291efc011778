package club.icourse.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A form that asks only for an email address (resend the confirmation, forgot the
 * password).
 */
record EmailForm(@NotBlank @Size(max = 320) String email) {
}
