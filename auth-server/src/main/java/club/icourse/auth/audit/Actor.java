package club.icourse.auth.audit;

/**
 * Who did something: a person (their account subject and username), a client calling the
 * admin API, or the system.
 *
 * @param id a stable identifier: the account subject, {@code client:<client id>} or
 * {@code system}
 * @param name what the actor was called at the time
 */
public record Actor(String id, String name) {

	public static final Actor SYSTEM = new Actor("system", "system");

	public static Actor client(String clientId) {
		return new Actor("client:" + clientId, clientId);
	}
}
