package club.icourse.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole auth-server on a random port, on this run's real MariaDB database and
 * GreenMail server. Every test class with it shares one application context and one
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "icourse.accounts.admins=admin@ustc.edu.cn", "icourse.mail.poll-delay=100ms",
				// Tests deliver logout tokens themselves (LogoutDeliverySender.sendDue).
				"icourse.logout-delivery.poll-delay=1h",
				"icourse.oidc.key-encryption-secret=" + AuthServerTest.KEY_ENCRYPTION_SECRET,
				// Every test comes from 127.0.0.1; the limits have their own tests, in
				// their own context.
				"icourse.rate-limits.enabled=false",
				// RegistrationOptionsTest serves sector identifier documents on 127.0.0.1
				"icourse.registration.fetch-private-hosts=127.0.0.1",
				// SQL statements tallied per request, for SqlBudgetTest.
				"icourse.sql-count.enabled=true",
				// Administrators sign in with a password alone here;
				// AdminSecondFactorTest
				// has the product's default (ADMIN) in its own context.
				"icourse.security.second-factor-required-roles=" })
@ContextConfiguration(initializers = AuthTestInfrastructure.class)
public @interface AuthServerTest {

	/** Encrypts the signing keys of the test database; any 32 bytes do. */
	String KEY_ENCRYPTION_SECRET = "dGVzdC1rZXktZW5jcnlwdGlvbi1zZWNyZXQtMzJieXQ=";

}
