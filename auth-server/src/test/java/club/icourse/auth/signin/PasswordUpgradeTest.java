package club.icourse.auth.signin;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import java.io.IOException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes of an older algorithm keep working and are replaced by Argon2id at the next
 * sign-in.
 */
@AuthServerTest
class PasswordUpgradeTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void aBcryptHashIsRehashedWithArgon2idWhenThePersonSignsIn() throws IOException {
		assertSignInRehashes(person -> "{bcrypt}" + new BCryptPasswordEncoder().encode(person.password()));
	}

	@Test
	void aHashOfTheEarlierArgon2SettingsIsAcceptedAndRehashed() throws IOException {
		assertSignInRehashes(person -> "{argon2@SpringSecurity_v5_8}"
				+ Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(person.password()));
	}

	private void assertSignInRehashes(Function<Person, String> storedHash) throws IOException {
		Person person = TestAccounts.registerAndConfirm(port);
		dsl.update(ACCOUNT)
			.set(ACCOUNT.PASSWORD_HASH, storedHash.apply(person))
			.where(ACCOUNT.EMAIL.eq(person.email()))
			.execute();

		try (Browser browser = new Browser(port)) {
			assertThat(browser.signIn(person.email(), person.password()).getUrl().getPath()).isEqualTo("/account");
		}
		assertThat(dsl.select(ACCOUNT.PASSWORD_HASH)
			.from(ACCOUNT)
			.where(ACCOUNT.EMAIL.eq(person.email()))
			.fetchSingle()
			.value1()).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
	}

}
