package club.icourse.auth.clients;

/**
 * Why a definition cannot be saved: the field at fault and a message key
 * ({@code clients.problem.<code>}).
 *
 * @param value the offending value, when there is one to show (a URI, a scope)
 */
public record ClientProblem(String field, String code, String value) {

	public String messageKey() {
		return "clients.problem." + code;
	}
}
