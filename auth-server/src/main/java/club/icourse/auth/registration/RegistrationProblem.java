package club.icourse.auth.registration;

/**
 * Why an initial access token cannot be issued: the field at fault and a message key
 * ({@code registration.token.problem.<code>}).
 */
public record RegistrationProblem(String field, String code) {

	public String messageKey() {
		return "registration.token.problem." + code;
	}

}
