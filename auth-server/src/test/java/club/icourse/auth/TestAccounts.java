package club.icourse.auth;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.ACCOUNT_ROLE;

import club.icourse.shared.Role;

import java.io.IOException;
import org.jooq.DSLContext;

/**
 * People with confirmed accounts, made through the real pages and the mails they really
 * receive.
 */
public final class TestAccounts {

	public record Person(String email, String username, String password) {
	}

	private TestAccounts() {
	}

	public static Person registerAndConfirm(int port) throws IOException {
		Person person = new Person(Mailbox.newStudentAddress(), Mailbox.newUsername(), "correct horse battery");
		try (Browser browser = new Browser(port)) {
			browser.submit(browser.open("/register"), "/register", "email", person.email(), "username",
					person.username(), "password", person.password());
			browser.submit(browser.follow(Mailbox.awaitMail(person.email(), 1).links().getFirst()), "/confirm");
		}
		return person;
	}

	/**
	 * A confirmed person who is also an administrator (a local grant, as an administrator
	 * would give it).
	 */
	public static Person registerAdmin(int port, DSLContext dsl) throws IOException {
		return makeAdmin(registerAndConfirm(port), dsl);
	}

	public static Person makeAdmin(Person person, DSLContext dsl) {
		dsl.insertInto(ACCOUNT_ROLE)
			.set(ACCOUNT_ROLE.ACCOUNT_ID,
					dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(person.email())).fetchSingle().value1())
			.set(ACCOUNT_ROLE.ROLE, Role.ADMIN.name())
			.execute();
		return person;
	}

	public static int accountCount(DSLContext dsl) {
		return dsl.fetchCount(ACCOUNT);
	}

}
